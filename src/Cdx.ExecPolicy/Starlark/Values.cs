namespace Cdx.ExecPolicy.Starlark;

// Runtime values. Scalars use .NET types: bool, long, double, string; the rest are below.
#pragma warning disable CS1591

/// <summary>The Starlark `None` value.</summary>
public sealed class StarNone
{
    public static readonly StarNone Instance = new();

    private StarNone()
    {
    }
}

/// <summary>A mutable Starlark list.</summary>
public sealed class StarList(IEnumerable<object> items)
{
    public List<object> Items { get; } = [.. items];

    /// <summary>Set while a for loop walks the list, so mutation is refused as in Starlark.</summary>
    public int IterationDepth { get; set; }
}

/// <summary>An immutable Starlark tuple.</summary>
public sealed class StarTuple(IEnumerable<object> items)
{
    public IReadOnlyList<object> Items { get; } = [.. items];
}

/// <summary>An insertion-ordered Starlark dict.</summary>
public sealed class StarDict
{
    private readonly Dictionary<object, object> _map = new(StarValue.KeyComparer);
    private readonly List<object> _order = [];

    public int Count => _map.Count;

    public int IterationDepth { get; set; }

    public IEnumerable<object> Keys => _order;

    public IEnumerable<KeyValuePair<object, object>> Entries => _order.Select(k => new KeyValuePair<object, object>(k, _map[k]));

    public bool TryGet(object key, out object value)
    {
        StarValue.CheckHashable(key);
        return _map.TryGetValue(key, out value!);
    }

    public void Set(object key, object value)
    {
        StarValue.CheckHashable(key);
        if (!_map.ContainsKey(key))
        {
            _order.Add(key);
        }
        _map[key] = value;
    }

    public bool Remove(object key)
    {
        StarValue.CheckHashable(key);
        if (!_map.Remove(key))
        {
            return false;
        }
        var index = _order.FindIndex(k => StarValue.KeyComparer.Equals(k, key));
        _order.RemoveAt(index);
        return true;
    }

    public void Clear()
    {
        _map.Clear();
        _order.Clear();
    }
}

/// <summary>Something callable from Starlark code.</summary>
public abstract class StarCallable
{
    public abstract string Name { get; }
}

/// <summary>A function defined with `def` or `lambda`.</summary>
public sealed class StarFunction(string name, IReadOnlyList<Param> parameters, IReadOnlyList<Stmt>? body, Expr? lambdaBody,
    IReadOnlyList<object?> defaults, IReadOnlyDictionary<string, object>? closure) : StarCallable
{
    public override string Name { get; } = name;
    public IReadOnlyList<Param> Params { get; } = parameters;
    public IReadOnlyList<Stmt>? Body { get; } = body;
    public Expr? LambdaBody { get; } = lambdaBody;
    public IReadOnlyList<object?> Defaults { get; } = defaults;

    /// <summary>Variables of enclosing function frames visible to a nested def or lambda.</summary>
    public IReadOnlyDictionary<string, object>? Closure { get; } = closure;

    /// <summary>How Starlark prints a function: `file.name`.</summary>
    public string QualifiedName => $"{DefinedIn}.{Name}";

    /// <summary>The file that defined the function.</summary>
    public string DefinedIn { get; init; } = "";
}

/// <summary>A function implemented in C#: receives positional and named arguments.</summary>
public sealed class BuiltinFunction(string name, Func<CallArgs, object> invoke) : StarCallable
{
    public override string Name { get; } = name;
    public Func<CallArgs, object> Invoke { get; } = invoke;
}

/// <summary>Arguments of a call to a builtin, with the call's position.</summary>
public sealed record CallArgs(IReadOnlyList<object> Positional, IReadOnlyList<KeyValuePair<string, object>> Named, SourcePosition Pos);

/// <summary>The lazy integer sequence returned by `range()`.</summary>
public sealed class StarRange(long start, long stop, long step)
{
    public long Start { get; } = start;
    public long Stop { get; } = stop;
    public long Step { get; } = step;

    public long Count => Step > 0
        ? Math.Max(0, (Stop - Start + Step - 1) / Step)
        : Math.Max(0, (Start - Stop - Step - 1) / -Step);

    public long this[long index] => Start + index * Step;

    public IEnumerable<object> Items()
    {
        for (long i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    public override string ToString() => Step != 1
        ? $"range({Start}, {Stop}, {Step})"
        : Start != 0 ? $"range({Start}, {Stop})" : $"range({Stop})";
}
