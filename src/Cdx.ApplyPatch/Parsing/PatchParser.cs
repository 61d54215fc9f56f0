using Cdx.ApplyPatch.Model;

namespace Cdx.ApplyPatch.Parsing;

/// <summary>Parses apply_patch text (the lenient grammar Codex uses) into a <see cref="Patch"/>.</summary>
public static partial class PatchParser
{
    internal const string BeginMarker = "*** Begin Patch";
    internal const string EndMarker = "*** End Patch";
    internal const string AddMarker = "*** Add File: ";
    internal const string DeleteMarker = "*** Delete File: ";
    internal const string UpdateMarker = "*** Update File: ";
    internal const string MoveMarker = "*** Move to: ";
    internal const string EndOfFileMarker = "*** End of File";

    /// <summary>Parses <paramref name="text"/>; throws <see cref="PatchParseException"/> with Codex's message when it is not a valid patch.</summary>
    public static Patch Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = SplitLines(text.Trim());
        var (start, count) = FindBody(lines);
        var parser = new HunkLineParser();
        for (var i = start + 1; i < start + count - 1; i++)
        {
            parser.Feed(lines[i]);
        }
        parser.FeedLast(lines[start + count - 1]);
        return new Patch(parser.Hunks, string.Join('\n', lines, start, count)) { EnvironmentId = parser.EnvironmentId };
    }

    /// <summary>Parses <paramref name="text"/> without throwing; null and the error when it is invalid.</summary>
    public static Patch? TryParse(string text, out PatchParseException? error)
    {
        try
        {
            error = null;
            return Parse(text);
        }
        catch (PatchParseException ex)
        {
            error = ex;
            return null;
        }
    }

    // Split like Rust's str::lines(): on '\n', dropping one '\r' before it; no empty final line.
    internal static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }
        var parts = text.Split('\n');
        var count = parts.Length;
        if (parts[^1].Length == 0)
        {
            count--;
        }
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            var p = parts[i];
            result[i] = p.EndsWith('\r') && (i < parts.Length - 1) ? p[..^1] : p;
        }
        return result;
    }

    // Returns the span (start, count) of the lines from Begin to End marker, both included.
    private static (int Start, int Count) FindBody(string[] lines)
    {
        var strictError = CheckBoundaries(lines, 0, lines.Length);
        if (strictError is null)
        {
            return (0, lines.Length);
        }
        // Heredoc leniency: a model that passes `<<'EOF' ... EOF` literally still gets its patch applied.
        if (lines.Length >= 4
            && lines[0] is "<<EOF" or "<<'EOF'" or "<<\"EOF\""
            && lines[^1].EndsWith("EOF", StringComparison.Ordinal))
        {
            var innerError = CheckBoundaries(lines, 1, lines.Length - 2);
            if (innerError is null)
            {
                return (1, lines.Length - 2);
            }
            throw innerError;
        }
        throw strictError;
    }

    private static PatchParseException? CheckBoundaries(string[] lines, int start, int count)
    {
        string? first = count > 0 ? lines[start].Trim() : null;
        string? last = count > 0 ? lines[start + count - 1].Trim() : null;
        if (first == BeginMarker && last == EndMarker && count >= 2)
        {
            return null;
        }
        if (first is not null && first != BeginMarker)
        {
            return new PatchParseException("The first line of the patch must be '*** Begin Patch'", null);
        }
        return new PatchParseException("The last line of the patch must be '*** End Patch'", null);
    }
}
