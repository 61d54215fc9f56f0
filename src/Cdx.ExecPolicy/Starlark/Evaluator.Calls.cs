namespace Cdx.ExecPolicy.Starlark;

/// <summary>Function values, argument binding and calls.</summary>
public sealed partial class Evaluator
{
    private StarFunction MakeFunction(SourcePosition pos, string name, IReadOnlyList<Param> parameters, IReadOnlyList<Stmt>? body, Expr? lambdaBody)
    {
        var defaults = parameters.Select(p => p.Default is null ? null : Eval(p.Default)).ToList();
        Dictionary<string, object>? closure = null;
        if (_frame is not null || _comprehensionScopes.Count > 0)
        {
            closure = new Dictionary<string, object>(StringComparer.Ordinal);
            if (_frame?.Closure is not null)
            {
                foreach (var (k, v) in _frame.Closure)
                {
                    closure[k] = v;
                }
            }
            if (_frame is not null)
            {
                foreach (var (k, v) in _frame.Locals)
                {
                    closure[k] = v;
                }
            }
            foreach (var scope in _comprehensionScopes.Reverse())
            {
                foreach (var (k, v) in scope)
                {
                    closure[k] = v;
                }
            }
        }
        return new StarFunction(name, parameters, body, lambdaBody, defaults, closure) { DefinedIn = pos.File };
    }

    private object EvalCall(CallExpr c)
    {
        var fn = Eval(c.Fn);
        var positional = new List<object>();
        var named = new List<KeyValuePair<string, object>>();
        foreach (var arg in c.Args)
        {
            var value = Eval(arg.Value);
            switch (arg.Kind)
            {
                case ArgKind.Positional:
                    positional.Add(value);
                    break;
                case ArgKind.Named:
                    named.Add(new(arg.Name!, value));
                    break;
                case ArgKind.Star:
                    positional.AddRange(StarValue.Iterate(value));
                    break;
                case ArgKind.StarStar:
                    if (value is not StarDict d)
                    {
                        throw new StarlarkException($"Argument after ** must be a dict, not `{StarValue.TypeName(value)}`", arg.Pos);
                    }
                    foreach (var (k, v) in d.Entries)
                    {
                        named.Add(new(k as string ?? throw new StarlarkException("Keywords must be strings", arg.Pos), v));
                    }
                    break;
            }
        }
        return Call(fn, new CallArgs(positional, named, c.Pos));
    }

    /// <summary>Calls any callable value with already evaluated arguments.</summary>
    internal object Call(object fn, CallArgs args)
    {
        if (++_callDepth > MaxCallDepth)
        {
            _callDepth = 0;
            throw new StarlarkException("Starlark call stack overflow", args.Pos);
        }
        try
        {
            return fn switch
            {
                BuiltinFunction b => b.Invoke(args),
                StarFunction f => CallFunction(f, args),
                _ => throw new StarlarkError($"Operation `call` not supported on type `{StarValue.TypeName(fn)}`"),
            };
        }
        finally
        {
            _callDepth = Math.Max(0, _callDepth - 1);
        }
    }

    private object CallFunction(StarFunction f, CallArgs args)
    {
        var locals = f.Params.Where(p => p.Kind != ParamKind.KeywordOnlyMarker).Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        if (f.Body is not null)
        {
            Resolver.CollectBindings(f.Body, locals);
        }
        var frame = new Frame(locals, f.Closure);
        BindParameters(f, args, frame.Locals);
        var savedFrame = _frame;
        var savedScopes = _comprehensionScopes;
        _frame = frame;
        _comprehensionScopes = new Stack<Dictionary<string, object>>();
        try
        {
            if (f.LambdaBody is not null)
            {
                return Eval(f.LambdaBody);
            }
            _returnValue = StarNone.Instance;
            var flow = ExecBlock(f.Body!);
            var result = flow == Flow.Return ? _returnValue : StarNone.Instance;
            _returnValue = StarNone.Instance;
            return result;
        }
        finally
        {
            _frame = savedFrame;
            _comprehensionScopes = savedScopes;
        }
    }

    private static void BindParameters(StarFunction f, CallArgs args, Dictionary<string, object> into)
    {
        var next = 0;
        var keywordOnly = false;
        StarDict? kwargs = null;
        for (var i = 0; i < f.Params.Count; i++)
        {
            var p = f.Params[i];
            switch (p.Kind)
            {
                case ParamKind.Normal when !keywordOnly && next < args.Positional.Count:
                    into[p.Name] = args.Positional[next++];
                    break;
                case ParamKind.Args:
                    into[p.Name] = new StarTuple(args.Positional.Skip(next));
                    next = args.Positional.Count;
                    keywordOnly = true;
                    break;
                case ParamKind.KeywordOnlyMarker:
                    keywordOnly = true;
                    break;
                case ParamKind.Kwargs:
                    kwargs = new StarDict();
                    into[p.Name] = kwargs;
                    break;
            }
        }
        if (next < args.Positional.Count)
        {
            throw new StarlarkError($"Too many positional arguments for call to `{f.Name}`");
        }
        var names = f.Params.Where(p => p.Kind == ParamKind.Normal).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in args.Named)
        {
            if (names.Contains(name))
            {
                if (!into.TryAdd(name, value))
                {
                    throw new StarlarkError($"Multiple values for parameter `{name}` in call to `{f.Name}`");
                }
            }
            else if (kwargs is not null)
            {
                kwargs.Set(name, value);
            }
            else
            {
                throw new StarlarkError($"Found `{name}` extra named parameter(s) for call to {f.Name}");
            }
        }
        for (var i = 0; i < f.Params.Count; i++)
        {
            var p = f.Params[i];
            if (p.Kind == ParamKind.Normal && !into.ContainsKey(p.Name))
            {
                into[p.Name] = f.Defaults[i] ?? throw new StarlarkError($"Missing parameter `{p.Name}` for call to `{f.Name}`");
            }
        }
    }
}
