namespace Cdx.ExecPolicy.Starlark;

/// <summary>
/// Static name resolution done before running, as Starlark does: a name that is bound nowhere
/// is an error even in code that never runs.
/// </summary>
internal sealed class Resolver
{
    private readonly HashSet<string> _module;
    private readonly IReadOnlySet<string> _builtins;
    private readonly List<HashSet<string>> _scopes = [];

    private Resolver(HashSet<string> module, IReadOnlySet<string> builtins)
    {
        _module = module;
        _builtins = builtins;
    }

    /// <summary>Checks every name reference; returns the module-level names.</summary>
    public static IReadOnlySet<string> Check(IReadOnlyList<Stmt> body, IEnumerable<string> builtins)
    {
        var module = new HashSet<string>(StringComparer.Ordinal);
        CollectBindings(body, module);
        var resolver = new Resolver(module, builtins.ToHashSet(StringComparer.Ordinal));
        resolver.Block(body);
        return module;
    }

    /// <summary>Names a block binds (assignments, loop variables, defs), not looking into nested defs.</summary>
    public static void CollectBindings(IReadOnlyList<Stmt> body, HashSet<string> into)
    {
        foreach (var stmt in body)
        {
            switch (stmt)
            {
                case AssignStmt s:
                    CollectTargets(s.Target, into);
                    break;
                case AugAssignStmt { Target: NameExpr n }:
                    into.Add(n.Name);
                    break;
                case ForStmt s:
                    CollectTargets(s.Target, into);
                    CollectBindings(s.Body, into);
                    break;
                case IfStmt s:
                    CollectBindings(s.Then, into);
                    CollectBindings(s.Else, into);
                    break;
                case DefStmt s:
                    into.Add(s.Name);
                    break;
            }
        }
    }

    public static void CollectTargets(Expr target, HashSet<string> into)
    {
        switch (target)
        {
            case NameExpr n:
                into.Add(n.Name);
                break;
            case TupleExpr t:
                t.Items.ToList().ForEach(i => CollectTargets(i, into));
                break;
            case ListExpr l:
                l.Items.ToList().ForEach(i => CollectTargets(i, into));
                break;
        }
    }

    private void Block(IReadOnlyList<Stmt> body)
    {
        foreach (var stmt in body)
        {
            Statement(stmt);
        }
    }

    private void Statement(Stmt stmt)
    {
        switch (stmt)
        {
            case ExprStmt s:
                Expression(s.Value);
                break;
            case AssignStmt s:
                Expression(s.Value);
                Expression(s.Target);
                break;
            case AugAssignStmt s:
                Expression(s.Value);
                Expression(s.Target);
                break;
            case IfStmt s:
                Expression(s.Cond);
                Block(s.Then);
                Block(s.Else);
                break;
            case ForStmt s:
                Expression(s.Iterable);
                Expression(s.Target);
                Block(s.Body);
                break;
            case DefStmt s:
                Function(s.Params, s.Body, null);
                break;
            case ReturnStmt { Value: { } v }:
                Expression(v);
                break;
        }
    }

    private void Function(IReadOnlyList<Param> parameters, IReadOnlyList<Stmt>? body, Expr? lambdaBody)
    {
        foreach (var p in parameters)
        {
            if (p.Default is not null)
            {
                Expression(p.Default);
            }
        }
        var locals = parameters.Where(p => p.Kind != ParamKind.KeywordOnlyMarker).Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        if (body is not null)
        {
            CollectBindings(body, locals);
        }
        _scopes.Add(locals);
        if (body is not null)
        {
            Block(body);
        }
        if (lambdaBody is not null)
        {
            Expression(lambdaBody);
        }
        _scopes.RemoveAt(_scopes.Count - 1);
    }

    private void Name(NameExpr n)
    {
        if (_scopes.Any(s => s.Contains(n.Name)) || _module.Contains(n.Name) || _builtins.Contains(n.Name))
        {
            return;
        }
        throw new StarlarkException($"Variable `{n.Name}` not found", n.Pos);
    }

    private void Expression(Expr? e)
    {
        switch (e)
        {
            case null or LiteralExpr:
                break;
            case NameExpr n:
                Name(n);
                break;
            case ListExpr l:
                l.Items.ToList().ForEach(Expression);
                break;
            case TupleExpr t:
                t.Items.ToList().ForEach(Expression);
                break;
            case DictExpr d:
                d.Entries.ToList().ForEach(kv => { Expression(kv.Key); Expression(kv.Value); });
                break;
            case ComprehensionExpr c:
                Comprehension(c);
                break;
            case UnaryExpr u:
                Expression(u.Operand);
                break;
            case BinaryExpr b:
                Expression(b.Left);
                Expression(b.Right);
                break;
            case ConditionalExpr c:
                Expression(c.Cond);
                Expression(c.Then);
                Expression(c.Else);
                break;
            case CallExpr c:
                Expression(c.Fn);
                c.Args.ToList().ForEach(a => Expression(a.Value));
                break;
            case IndexExpr i:
                Expression(i.Target);
                Expression(i.Index);
                break;
            case SliceExpr s:
                Expression(s.Target);
                Expression(s.Lo);
                Expression(s.Hi);
                Expression(s.Step);
                break;
            case AttrExpr a:
                Expression(a.Target);
                break;
            case LambdaExpr l:
                Function(l.Params, null, l.Body);
                break;
            case FStringExpr f:
                f.Parts.Select(p => p is FStringRepr r ? r.Inner : p).OfType<Expr>().ToList().ForEach(Expression);
                break;
        }
    }

    private void Comprehension(ComprehensionExpr c)
    {
        var scope = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        foreach (var clause in c.Clauses)
        {
            if (clause.Target is not null)
            {
                // The first iterable is evaluated outside the comprehension's scope.
                if (first)
                {
                    Expression(clause.Iterable);
                    _scopes.Add(scope);
                    first = false;
                }
                else
                {
                    Expression(clause.Iterable);
                }
                CollectTargets(clause.Target, scope);
            }
            else
            {
                Expression(clause.Condition);
            }
        }
        Expression(c.Element);
        Expression(c.Key);
        Expression(c.Value);
        _scopes.RemoveAt(_scopes.Count - 1);
    }
}
