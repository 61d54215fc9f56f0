namespace Cdx.ExecPolicy.Rules;

/// <summary>A `.rules` file that could not be read or evaluated; names the file and, when known, line and column.</summary>
public sealed class PolicyLoadException(string path, string detail, int line = 0, int column = 0, bool isIoError = false)
    : Exception(line > 0 ? $"{path}:{line}:{column}: {detail}" : $"{path}: {detail}")
{
    /// <summary>The file as it was named to the loader.</summary>
    public string PolicyPath { get; } = path;

    /// <summary>The error without the location.</summary>
    public string Detail { get; } = detail;

    /// <summary>1-based line, 0 when unknown.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column, 0 when unknown.</summary>
    public int Column { get; } = column;

    /// <summary>True when the file could not be read at all (fatal for the agent, unlike syntax errors).</summary>
    public bool IsIoError { get; } = isIoError;
}
