namespace Cdx.ExecPolicy.Starlark;

/// <summary>Attribute access: the methods of strings, lists and dicts, bound to a receiver.</summary>
internal static partial class Methods
{
    public static object Bind(object receiver, string name, Evaluator evaluator)
    {
        Func<CallArgs, object>? method = receiver switch
        {
            string s => StringMethod(s, name),
            StarList l => ListMethod(l, name),
            StarDict d => DictMethod(d, name, evaluator),
            _ => null,
        };
        return method is null
            ? throw new StarlarkError($"Object of type `{StarValue.TypeName(receiver)}` has no attribute `{name}`")
            : new BuiltinFunction($"{StarValue.TypeName(receiver)}.{name}", method);
    }

    public static bool Has(object receiver, string name) => receiver switch
    {
        string s => StringMethod(s, name) is not null,
        StarList l => ListMethod(l, name) is not null,
        StarDict d => DictMethod(d, name, null!) is not null,
        _ => false,
    };

    private static Func<CallArgs, object>? ListMethod(StarList l, string name) => name switch
    {
        "append" => a => { Mutable(l); l.Items.Add(Arg(a, "append", 1, "el")[0]!); return StarNone.Instance; },
        "clear" => a => { Arg(a, "clear", 0); Mutable(l); l.Items.Clear(); return StarNone.Instance; },
        "extend" => a => { var v = Arg(a, "extend", 1, "other"); Mutable(l); l.Items.AddRange(StarValue.Iterate(v[0]!)); return StarNone.Instance; },
        "index" => a =>
        {
            var v = Arg(a, "index", 1, "needle");
            var i = l.Items.FindIndex(x => StarValue.Equals(x, v[0]!));
            return i >= 0 ? (long)i : throw new StarlarkError($"Element `{StarValue.Repr(v[0]!)}` not found in list");
        },
        "insert" => a =>
        {
            var v = Arg(a, "insert", 2, "index", "el");
            Mutable(l);
            var i = ArgBinder.Expect<long>(v[0], "index", "int");
            i = i < 0 ? Math.Max(0, i + l.Items.Count) : Math.Min(i, l.Items.Count);
            l.Items.Insert((int)i, v[1]!);
            return StarNone.Instance;
        },
        "pop" => a =>
        {
            var v = Arg(a, "pop", 0, "index");
            Mutable(l);
            var i = Operators.NormalizeIndex(v[0] ?? (long)(l.Items.Count - 1), l.Items.Count);
            var item = l.Items[i];
            l.Items.RemoveAt(i);
            return item;
        },
        "remove" => a =>
        {
            var v = Arg(a, "remove", 1, "needle");
            Mutable(l);
            var i = l.Items.FindIndex(x => StarValue.Equals(x, v[0]!));
            if (i < 0)
            {
                throw new StarlarkError($"Element `{StarValue.Repr(v[0]!)}` not found in list");
            }
            l.Items.RemoveAt(i);
            return StarNone.Instance;
        },
        _ => null,
    };

    private static Func<CallArgs, object>? DictMethod(StarDict d, string name, Evaluator evaluator) => name switch
    {
        "clear" => a => { Arg(a, "clear", 0); Mutable(d); d.Clear(); return StarNone.Instance; },
        "get" => a => { var v = Arg(a, "get", 1, "key", "default"); return d.TryGet(v[0]!, out var r) ? r : v[1] ?? StarNone.Instance; },
        "items" => a => { Arg(a, "items", 0); return new StarList(d.Entries.Select(e => (object)new StarTuple([e.Key, e.Value]))); },
        "keys" => a => { Arg(a, "keys", 0); return new StarList(d.Keys); },
        "values" => a => { Arg(a, "values", 0); return new StarList(d.Entries.Select(e => e.Value)); },
        "pop" => a =>
        {
            var v = Arg(a, "pop", 1, "key", "default");
            Mutable(d);
            if (d.TryGet(v[0]!, out var r))
            {
                d.Remove(v[0]!);
                return r;
            }
            return v[1] ?? throw new StarlarkError($"Key `{StarValue.Repr(v[0]!)}` was not found");
        },
        "popitem" => a =>
        {
            Arg(a, "popitem", 0);
            Mutable(d);
            var first = d.Entries.FirstOrDefault();
            if (d.Count == 0)
            {
                throw new StarlarkError("Cannot .popitem() on an empty dictionary");
            }
            d.Remove(first.Key);
            return new StarTuple([first.Key, first.Value]);
        },
        "setdefault" => a =>
        {
            var v = Arg(a, "setdefault", 1, "key", "default");
            if (d.TryGet(v[0]!, out var r))
            {
                return r;
            }
            Mutable(d);
            d.Set(v[0]!, v[1] ?? StarNone.Instance);
            return v[1] ?? StarNone.Instance;
        },
        "update" => a =>
        {
            if (a.Positional.Count > 1)
            {
                throw new StarlarkError("Too many positional arguments for call to `update`");
            }
            Mutable(d);
            if (a.Positional.Count == 1)
            {
                Builtins.FillDict(d, a.Positional[0]);
            }
            foreach (var (k, v) in a.Named)
            {
                d.Set(k, v);
            }
            return StarNone.Instance;
        },
        _ => null,
    };

    private static void Mutable(object container)
    {
        if (container is StarList { IterationDepth: > 0 } or StarDict { IterationDepth: > 0 })
        {
            throw new StarlarkError("Cannot mutate an iterable while iterating");
        }
    }

    private static object?[] Arg(CallArgs a, string fn, int required, params string[] names) =>
        ArgBinder.Bind(fn, a, required, names);
}
