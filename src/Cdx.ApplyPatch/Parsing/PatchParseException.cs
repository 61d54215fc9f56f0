namespace Cdx.ApplyPatch.Parsing;

/// <summary>
/// A patch that does not follow the apply_patch grammar. <see cref="Detail"/> is Codex's wording;
/// <see cref="CliMessage"/> and <see cref="ToolMessage"/> wrap it the way Codex's CLI and tool do.
/// </summary>
public sealed class PatchParseException : Exception
{
    /// <summary>Creates an error about the whole patch (<paramref name="lineNumber"/> null) or about one hunk.</summary>
    public PatchParseException(string detail, int? lineNumber)
        : base(lineNumber is null ? $"invalid patch: {detail}" : $"invalid hunk at line {lineNumber}, {detail}")
    {
        Detail = detail;
        LineNumber = lineNumber;
    }

    /// <summary>The error text without any prefix.</summary>
    public string Detail { get; }

    /// <summary>1-based line in the (trimmed) patch for hunk errors; null for envelope errors.</summary>
    public int? LineNumber { get; }

    /// <summary>The line the standalone `apply_patch` command prints on stderr.</summary>
    public string CliMessage => LineNumber is null
        ? $"Invalid patch: {Detail}"
        : $"Invalid patch hunk on line {LineNumber}: {Detail}";

    /// <summary>The text the model sees from the apply_patch tool (same as <see cref="Exception.Message"/>).</summary>
    public string ToolMessage => Message;
}
