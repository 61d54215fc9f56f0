using System.Text;

namespace Cdx.ExecPolicy.Starlark;

/// <summary>Expression evaluation.</summary>
public sealed partial class Evaluator
{
    private object Eval(Expr expr)
    {
        try
        {
            return EvalCore(expr);
        }
        catch (StarlarkError e)
        {
            throw new StarlarkException(e.Message, expr.Pos);
        }
    }

    private object EvalCore(Expr expr)
    {
        switch (expr)
        {
            case LiteralExpr l:
                return l.Value;
            case NameExpr n:
                return Lookup(n);
            case ListExpr l:
                return new StarList(l.Items.Select(Eval).ToList());
            case TupleExpr t:
                return new StarTuple(t.Items.Select(Eval).ToList());
            case DictExpr d:
                var dict = new StarDict();
                foreach (var (k, v) in d.Entries)
                {
                    var key = Eval(k);
                    if (dict.TryGet(key, out _))
                    {
                        throw new StarlarkException($"Dictionary key repeated for `{StarValue.Repr(key)}`", k.Pos);
                    }
                    dict.Set(key, Eval(v));
                }
                return dict;
            case ComprehensionExpr c:
                return EvalComprehension(c);
            case UnaryExpr u:
                return EvalUnary(u);
            case BinaryExpr b:
                return EvalBinary(b);
            case ConditionalExpr c:
                return StarValue.Truth(Eval(c.Cond)) ? Eval(c.Then) : Eval(c.Else);
            case CallExpr c:
                return EvalCall(c);
            case IndexExpr i:
                return GetIndex(Eval(i.Target), Eval(i.Index));
            case SliceExpr s:
                return EvalSlice(s);
            case AttrExpr a:
                return Methods.Bind(Eval(a.Target), a.Name, this);
            case LambdaExpr l:
                return MakeFunction(l.Pos, "lambda", l.Params, null, l.Body);
            case FStringExpr f:
                var sb = new StringBuilder();
                foreach (var part in f.Parts)
                {
                    sb.Append(part switch
                    {
                        Expr e => StarValue.Str(Eval(e)),
                        FStringRepr r => StarValue.Repr(Eval(r.Inner)),
                        _ => (string)part,
                    });
                }
                return sb.ToString();
            default:
                throw new StarlarkException($"unsupported expression {expr.GetType().Name}", expr.Pos);
        }
    }

    private object EvalUnary(UnaryExpr u)
    {
        var v = Eval(u.Operand);
        return (u.Op, v) switch
        {
            ("not", _) => !StarValue.Truth(v),
            ("-", long i) => checked(-i),
            ("-", double d) => -d,
            ("+", long or double) => v,
            ("~", long i) => ~i,
            _ => throw new StarlarkError($"Operation `{u.Op}` not supported on type `{StarValue.TypeName(v)}`"),
        };
    }

    private object EvalBinary(BinaryExpr b)
    {
        if (b.Op == "and")
        {
            var left = Eval(b.Left);
            return StarValue.Truth(left) ? Eval(b.Right) : left;
        }
        if (b.Op == "or")
        {
            var left = Eval(b.Left);
            return StarValue.Truth(left) ? left : Eval(b.Right);
        }
        return BinaryOp(b.Op, Eval(b.Left), Eval(b.Right));
    }

    private object EvalComprehension(ComprehensionExpr c)
    {
        var list = c.Element is not null ? new List<object>() : null;
        var dict = c.Element is null ? new StarDict() : null;
        _comprehensionScopes.Push(new Dictionary<string, object>(StringComparer.Ordinal));
        try
        {
            RunClauses(c, 0, list, dict);
        }
        finally
        {
            _comprehensionScopes.Pop();
        }
        return list is not null ? new StarList(list) : dict!;
    }

    private void RunClauses(ComprehensionExpr c, int index, List<object>? list, StarDict? dict)
    {
        if (index == c.Clauses.Count)
        {
            if (list is not null)
            {
                list.Add(Eval(c.Element!));
            }
            else
            {
                dict!.Set(Eval(c.Key!), Eval(c.Value!));
            }
            return;
        }
        var clause = c.Clauses[index];
        if (clause.Condition is not null)
        {
            if (StarValue.Truth(Eval(clause.Condition)))
            {
                RunClauses(c, index + 1, list, dict);
            }
            return;
        }
        object iterable;
        if (index == 0)
        {
            // The first iterable is evaluated in the enclosing scope.
            var scope = _comprehensionScopes.Pop();
            try
            {
                iterable = Eval(clause.Iterable!);
            }
            finally
            {
                _comprehensionScopes.Push(scope);
            }
        }
        else
        {
            iterable = Eval(clause.Iterable!);
        }
        IReadOnlyList<object> items;
        try
        {
            items = StarValue.Iterate(iterable);
        }
        catch (StarlarkError e)
        {
            throw new StarlarkException(e.Message, clause.Iterable!.Pos);
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        Resolver.CollectTargets(clause.Target!, names);
        foreach (var name in names)
        {
            _comprehensionScopes.Peek()[name] = StarNone.Instance;
        }
        foreach (var item in items)
        {
            Assign(clause.Target!, item);
            RunClauses(c, index + 1, list, dict);
        }
    }

    private object EvalSlice(SliceExpr s)
    {
        var target = Eval(s.Target);
        var lo = s.Lo is null ? null : Eval(s.Lo);
        var hi = s.Hi is null ? null : Eval(s.Hi);
        var step = s.Step is null ? null : Eval(s.Step);
        return Operators.Slice(target, lo, hi, step);
    }

    private static object GetIndex(object container, object key) => Operators.Index(container, key);

    private static void SetIndex(object container, object key, object value)
    {
        switch (container)
        {
            case StarList l:
                CheckMutable(l);
                l.Items[Operators.NormalizeIndex(key, l.Items.Count)] = value;
                break;
            case StarDict d:
                CheckMutable(d);
                d.Set(key, value);
                break;
            default:
                throw new StarlarkError($"Operation `[]=` not supported on type `{StarValue.TypeName(container)}`");
        }
    }

    private static object BinaryOp(string op, object a, object b) => Operators.Binary(op, a, b);
}
