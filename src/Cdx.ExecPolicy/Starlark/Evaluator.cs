namespace Cdx.ExecPolicy.Starlark;

/// <summary>Executes a parsed Starlark module: statements, scopes and control flow.</summary>
public sealed partial class Evaluator
{
    private const int MaxCallDepth = 500;

    private readonly Dictionary<string, object> _globals = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, object> _builtins;
    private Stack<Dictionary<string, object>> _comprehensionScopes = new();
    private Frame? _frame;
    private int _callDepth;
    private object _returnValue = StarNone.Instance;
    private IReadOnlySet<string> _moduleNames = new HashSet<string>();

    /// <summary>Creates an evaluator with the standard globals plus <paramref name="extraBuiltins"/>.</summary>
    public Evaluator(IReadOnlyDictionary<string, BuiltinFunction> extraBuiltins)
    {
        var builtins = Builtins.Standard(Call);
        foreach (var (name, fn) in extraBuiltins)
        {
            builtins[name] = fn;
        }
        _builtins = builtins;
    }

    /// <summary>Module-level variables after execution.</summary>
    public IReadOnlyDictionary<string, object> Globals => _globals;

    private enum Flow { Normal, Break, Continue, Return }

    private sealed class Frame(HashSet<string> localNames, IReadOnlyDictionary<string, object>? closure)
    {
        public Dictionary<string, object> Locals { get; } = new(StringComparer.Ordinal);
        public HashSet<string> LocalNames { get; } = localNames;
        public IReadOnlyDictionary<string, object>? Closure { get; } = closure;
    }

    /// <summary>Runs a module's statements; errors surface as <see cref="StarlarkException"/>.</summary>
    public void ExecuteModule(IReadOnlyList<Stmt> body)
    {
        _moduleNames = Resolver.Check(body, _builtins.Keys);
        ExecBlock(body);
    }

    private Flow ExecBlock(IReadOnlyList<Stmt> body)
    {
        foreach (var stmt in body)
        {
            var flow = Exec(stmt);
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }
        return Flow.Normal;
    }

    private Flow Exec(Stmt stmt)
    {
        try
        {
            return ExecCore(stmt);
        }
        catch (StarlarkError e)
        {
            throw new StarlarkException(e.Message, stmt.Pos);
        }
    }

    private Flow ExecCore(Stmt stmt)
    {
        switch (stmt)
        {
            case ExprStmt s:
                Eval(s.Value);
                return Flow.Normal;
            case AssignStmt s:
                Assign(s.Target, Eval(s.Value));
                return Flow.Normal;
            case AugAssignStmt s:
                ExecAugAssign(s);
                return Flow.Normal;
            case IfStmt s:
                return ExecBlock(StarValue.Truth(Eval(s.Cond)) ? s.Then : s.Else);
            case ForStmt s:
                return ExecFor(s);
            case DefStmt s:
                Bind(s.Name, MakeFunction(s.Pos, s.Name, s.Params, s.Body, null));
                return Flow.Normal;
            case ReturnStmt s:
                _returnValue = s.Value is null ? StarNone.Instance : Eval(s.Value);
                return Flow.Return;
            case BreakStmt:
                return Flow.Break;
            case ContinueStmt:
                return Flow.Continue;
            case PassStmt:
                return Flow.Normal;
            case LoadStmt s:
                throw new StarlarkException(
                    $"No imports are available, you tried `{s.Module}` (no call to `Evaluator.set_loader`)", s.Pos);
            default:
                throw new StarlarkException($"unsupported statement {stmt.GetType().Name}", stmt.Pos);
        }
    }

    private void ExecAugAssign(AugAssignStmt s)
    {
        switch (s.Target)
        {
            case NameExpr n:
                var current = Eval(n);
                // `x += [..]` on a list mutates it in place, as in Starlark.
                if (s.Op == "+" && current is StarList list)
                {
                    CheckMutable(list);
                    list.Items.AddRange(StarValue.Iterate(Eval(s.Value)));
                    Bind(n.Name, list);
                    return;
                }
                Bind(n.Name, BinaryOp(s.Op, current, Eval(s.Value)));
                return;
            case IndexExpr ix:
                var container = Eval(ix.Target);
                var key = Eval(ix.Index);
                SetIndex(container, key, BinaryOp(s.Op, GetIndex(container, key), Eval(s.Value)));
                return;
            default:
                throw new StarlarkException("unsupported augmented assignment target", s.Pos);
        }
    }

    private Flow ExecFor(ForStmt s)
    {
        var iterable = Eval(s.Iterable);
        var items = StarValue.Iterate(iterable);
        SetIterating(iterable, +1);
        try
        {
            foreach (var item in items)
            {
                Assign(s.Target, item);
                var flow = ExecBlock(s.Body);
                if (flow == Flow.Break)
                {
                    break;
                }
                if (flow == Flow.Return)
                {
                    return flow;
                }
            }
        }
        finally
        {
            SetIterating(iterable, -1);
        }
        return Flow.Normal;
    }

    private static void SetIterating(object iterable, int delta)
    {
        switch (iterable)
        {
            case StarList l:
                l.IterationDepth += delta;
                break;
            case StarDict d:
                d.IterationDepth += delta;
                break;
        }
    }

    private static void CheckMutable(object container)
    {
        if (container is StarList { IterationDepth: > 0 } or StarDict { IterationDepth: > 0 })
        {
            throw new StarlarkError("Cannot mutate an iterable while iterating");
        }
    }

    private void Assign(Expr target, object value)
    {
        switch (target)
        {
            case NameExpr n:
                Bind(n.Name, value);
                break;
            case IndexExpr ix:
                SetIndex(Eval(ix.Target), Eval(ix.Index), value);
                break;
            case TupleExpr or ListExpr:
                var targets = target is TupleExpr t ? t.Items : ((ListExpr)target).Items;
                var values = value is StarList or StarTuple or StarDict
                    ? StarValue.Iterate(value)
                    : throw new StarlarkException($"Operation `(iter)` not supported on type `{StarValue.TypeName(value)}`", target.Pos);
                if (values.Count != targets.Count)
                {
                    throw new StarlarkException(
                        $"Unpacked {values.Count} values but expected {targets.Count}", target.Pos);
                }
                for (var i = 0; i < targets.Count; i++)
                {
                    Assign(targets[i], values[i]);
                }
                break;
            case AttrExpr a:
                throw new StarlarkException($"Object of type `{StarValue.TypeName(Eval(a.Target))}` has no attribute `{a.Name}` to set", a.Pos);
            default:
                throw new StarlarkException("invalid assignment target", target.Pos);
        }
    }

    private void Bind(string name, object value)
    {
        if (_comprehensionScopes.Count > 0 && _comprehensionScopes.Peek().ContainsKey(name))
        {
            _comprehensionScopes.Peek()[name] = value;
            return;
        }
        if (_frame is not null)
        {
            _frame.Locals[name] = value;
            return;
        }
        _globals[name] = value;
    }

    private object Lookup(NameExpr n)
    {
        foreach (var scope in _comprehensionScopes)
        {
            if (scope.TryGetValue(n.Name, out var v))
            {
                return v;
            }
        }
        if (_frame is not null)
        {
            if (_frame.LocalNames.Contains(n.Name))
            {
                return _frame.Locals.TryGetValue(n.Name, out var local)
                    ? local
                    : throw new StarlarkError($"Local variable `{n.Name}` referenced before assignment");
            }
            if (_frame.Closure is not null && _frame.Closure.TryGetValue(n.Name, out var captured))
            {
                return captured;
            }
        }
        if (_globals.TryGetValue(n.Name, out var global))
        {
            return global;
        }
        if (_builtins.TryGetValue(n.Name, out var builtin))
        {
            return builtin;
        }
        throw new StarlarkError(_moduleNames.Contains(n.Name)
            ? $"Local variable `{n.Name}` referenced before assignment"
            : $"Variable `{n.Name}` not found");
    }
}
