using System.Text;

namespace Cdx.Toml;

/// <summary>Invalid TOML: where (file, line, column), why, and the offending line.</summary>
public sealed class TomlParseException : Exception
{
    /// <summary>Creates the error; <paramref name="line"/> and <paramref name="column"/> are 1-based.</summary>
    public TomlParseException(string? sourcePath, int line, int column, string reason, string sourceLine)
        : base(Format(sourcePath, line, column, reason, sourceLine))
    {
        SourcePath = sourcePath;
        Line = line;
        Column = column;
        Reason = reason;
        SourceLine = sourceLine;
    }

    /// <summary>The file path given to the parser, or null for in-memory input.</summary>
    public string? SourcePath { get; }

    /// <summary>1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error, in Unicode scalar values.</summary>
    public int Column { get; }

    /// <summary>What is wrong, e.g. "duplicate key 'model' (first defined at 3:1)".</summary>
    public string Reason { get; }

    /// <summary>The text of the offending line (without its line ending).</summary>
    public string SourceLine { get; }

    /// <summary>Builds the error for character offset <paramref name="index"/> of <paramref name="text"/>.</summary>
    internal static TomlParseException Create(string? sourcePath, string text, int index, string reason)
    {
        index = Math.Clamp(index, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = text.IndexOf('\n'); i >= 0 && i < index; i = text.IndexOf('\n', i + 1))
        {
            line++;
            lineStart = i + 1;
        }
        var column = 1 + CountScalars(text.AsSpan(lineStart, index - lineStart));
        var lineEnd = text.IndexOf('\n', lineStart);
        var sourceLine = text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)].TrimEnd('\r');
        return new TomlParseException(sourcePath, line, column, reason, sourceLine);
    }

    internal static int CountScalars(ReadOnlySpan<char> span)
    {
        var n = span.Length;
        foreach (var c in span)
        {
            if (char.IsLowSurrogate(c))
            {
                n--;
            }
        }
        return n;
    }

    private static string Format(string? path, int line, int column, string reason, string sourceLine)
    {
        var sb = new StringBuilder();
        sb.Append(path ?? "<input>").Append(':').Append(line).Append(':').Append(column).Append(": ").Append(reason);
        sb.Append("\n  ").Append(Printable(sourceLine)).Append("\n  ");
        // Keep tabs so the caret lines up under the column in a terminal.
        var i = 0;
        var scalars = 0;
        while (scalars < column - 1 && i < sourceLine.Length)
        {
            sb.Append(sourceLine[i] == '\t' ? '\t' : ' ');
            i += char.IsHighSurrogate(sourceLine[i]) && i + 1 < sourceLine.Length ? 2 : 1;
            scalars++;
        }
        sb.Append(' ', Math.Max(0, column - 1 - scalars)).Append('^');
        return sb.ToString();
    }

    // Control characters in the echoed line would corrupt the terminal; show them as U+FFFD.
    private static string Printable(string line)
    {
        foreach (var c in line)
        {
            if (c != '\t' && (char.IsControl(c)))
            {
                return string.Create(line.Length, line, static (dst, src) =>
                {
                    for (var i = 0; i < src.Length; i++)
                    {
                        dst[i] = src[i] != '\t' && char.IsControl(src[i]) ? '\uFFFD' : src[i];
                    }
                });
            }
        }
        return line;
    }
}
