namespace Cdx.ExecPolicy.Starlark;

// The syntax tree. Every node records where it starts so errors can name file:line:col.
#pragma warning disable CS1591

/// <summary>Base of all expressions.</summary>
public abstract record Expr(SourcePosition Pos);

public sealed record LiteralExpr(SourcePosition Pos, object Value) : Expr(Pos);
public sealed record NameExpr(SourcePosition Pos, string Name) : Expr(Pos);
public sealed record ListExpr(SourcePosition Pos, IReadOnlyList<Expr> Items) : Expr(Pos);
public sealed record TupleExpr(SourcePosition Pos, IReadOnlyList<Expr> Items) : Expr(Pos);
public sealed record DictExpr(SourcePosition Pos, IReadOnlyList<(Expr Key, Expr Value)> Entries) : Expr(Pos);
public sealed record ComprehensionExpr(
    SourcePosition Pos, Expr? Element, Expr? Key, Expr? Value, IReadOnlyList<CompClause> Clauses) : Expr(Pos);
public sealed record UnaryExpr(SourcePosition Pos, string Op, Expr Operand) : Expr(Pos);
public sealed record BinaryExpr(SourcePosition Pos, string Op, Expr Left, Expr Right) : Expr(Pos);
public sealed record ConditionalExpr(SourcePosition Pos, Expr Cond, Expr Then, Expr Else) : Expr(Pos);
public sealed record CallExpr(SourcePosition Pos, Expr Fn, IReadOnlyList<Argument> Args) : Expr(Pos)
{
    /// <summary>Where the call ends (exclusive), for error spans.</summary>
    public SourcePosition End { get; init; }
}
public sealed record IndexExpr(SourcePosition Pos, Expr Target, Expr Index) : Expr(Pos);
public sealed record SliceExpr(SourcePosition Pos, Expr Target, Expr? Lo, Expr? Hi, Expr? Step) : Expr(Pos);
public sealed record AttrExpr(SourcePosition Pos, Expr Target, string Name) : Expr(Pos);
public sealed record LambdaExpr(SourcePosition Pos, IReadOnlyList<Param> Params, Expr Body) : Expr(Pos);
public sealed record FStringExpr(SourcePosition Pos, IReadOnlyList<object> Parts) : Expr(Pos);

/// <summary>An f-string interpolation with the `!r` conversion (rendered with repr).</summary>
public sealed record FStringRepr(Expr Inner);

/// <summary>A `for x in y` or `if c` clause of a comprehension.</summary>
public sealed record CompClause(SourcePosition Pos, Expr? Target, Expr? Iterable, Expr? Condition);

public enum ArgKind { Positional, Named, Star, StarStar }

public sealed record Argument(SourcePosition Pos, ArgKind Kind, string? Name, Expr Value);

public enum ParamKind { Normal, Args, Kwargs, KeywordOnlyMarker }

public sealed record Param(SourcePosition Pos, ParamKind Kind, string Name, Expr? Default);

/// <summary>Base of all statements.</summary>
public abstract record Stmt(SourcePosition Pos);

public sealed record ExprStmt(SourcePosition Pos, Expr Value) : Stmt(Pos);
public sealed record AssignStmt(SourcePosition Pos, Expr Target, Expr Value) : Stmt(Pos);
public sealed record AugAssignStmt(SourcePosition Pos, Expr Target, string Op, Expr Value) : Stmt(Pos);
public sealed record IfStmt(SourcePosition Pos, Expr Cond, IReadOnlyList<Stmt> Then, IReadOnlyList<Stmt> Else) : Stmt(Pos);
public sealed record ForStmt(SourcePosition Pos, Expr Target, Expr Iterable, IReadOnlyList<Stmt> Body) : Stmt(Pos);
public sealed record DefStmt(SourcePosition Pos, string Name, IReadOnlyList<Param> Params, IReadOnlyList<Stmt> Body) : Stmt(Pos);
public sealed record ReturnStmt(SourcePosition Pos, Expr? Value) : Stmt(Pos);
public sealed record BreakStmt(SourcePosition Pos) : Stmt(Pos);
public sealed record ContinueStmt(SourcePosition Pos) : Stmt(Pos);
public sealed record PassStmt(SourcePosition Pos) : Stmt(Pos);
public sealed record LoadStmt(SourcePosition Pos, string Module) : Stmt(Pos);
