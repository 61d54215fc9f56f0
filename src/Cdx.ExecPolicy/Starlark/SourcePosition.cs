namespace Cdx.ExecPolicy.Starlark;

/// <summary>A 1-based line and column in a named source file.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
