namespace Cdx.Toml;

/// <summary>Any TOML value; every parsed value knows where in which file it was written.</summary>
public abstract class TomlValue
{
    private protected TomlValue()
    {
    }

    /// <summary>Start of the value in the source (default for values built in code).</summary>
    public TomlPosition Position { get; internal set; }

    /// <summary>The file path given to the parser, or null for strings and built values.</summary>
    public string? SourcePath { get; internal set; }

    /// <summary>The TOML type name used in messages ("string", "integer", "table", ...).</summary>
    public abstract string TypeName { get; }
}
