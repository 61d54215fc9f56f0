namespace Cdx.Toml;

/// <summary>A place in TOML source: 1-based line and column (the column counts Unicode scalar values).</summary>
public readonly record struct TomlPosition(int Line, int Column)
{
    /// <summary>Formats as `line:column`, the way error messages cite places.</summary>
    public override string ToString() => $"{Line}:{Column}";
}
