using Cdx.ApplyPatch.Applying;

namespace Cdx.ApplyPatch.Matching;

/// <summary>
/// Finds a block of lines in a file the way Codex does: four passes of decreasing strictness,
/// each taking the earliest position at or after the cursor (or only the end, for `*** End of File`).
/// </summary>
public static class LineMatcher
{
    /// <summary>Index where <paramref name="pattern"/> starts in <paramref name="lines"/>, or -1.</summary>
    public static int Seek(IReadOnlyList<string> lines, IReadOnlyList<string> pattern, int start, bool endOfFile) =>
        Seek(lines, pattern, start, endOfFile, out _);

    /// <summary>As <see cref="Seek(IReadOnlyList{string}, IReadOnlyList{string}, int, bool)"/>, also reporting the pass that matched.</summary>
    public static int Seek(IReadOnlyList<string> lines, IReadOnlyList<string> pattern, int start, bool endOfFile, out MatchPass pass) =>
        Seek(TextFile.FromLines(lines), pattern, start, endOfFile, out pass);

    /// <summary>Index where <paramref name="pattern"/> starts in <paramref name="lines"/>, or -1.</summary>
    internal static int Seek(TextFile lines, IReadOnlyList<string> pattern, int start, bool endOfFile) =>
        Seek(lines, pattern, start, endOfFile, out _);

    internal static int Seek(TextFile lines, IReadOnlyList<string> pattern, int start, bool endOfFile, out MatchPass pass)
    {
        pass = MatchPass.Exact;
        if (pattern.Count == 0)
        {
            return start;
        }
        if (pattern.Count > lines.Count)
        {
            return -1;
        }
        var last = lines.Count - pattern.Count;
        // End-anchored chunks have exactly one candidate, the end of the file, and only when it is
        // not before the cursor; there is no fallback to earlier positions.
        var from = endOfFile ? last : start;
        if (endOfFile && last < start)
        {
            return -1;
        }
        foreach (var candidate in (ReadOnlySpan<MatchPass>)[MatchPass.Exact, MatchPass.TrailingWhitespace, MatchPass.SurroundingWhitespace, MatchPass.UnicodePunctuation])
        {
            var patternKeys = candidate == MatchPass.UnicodePunctuation ? Normalise(pattern) : null;
            for (var i = from; i <= last; i++)
            {
                if (BlockMatches(lines, pattern, patternKeys, i, candidate))
                {
                    pass = candidate;
                    return i;
                }
            }
        }
        return -1;
    }

    private static bool BlockMatches(TextFile lines, IReadOnlyList<string> pattern, string[]? patternKeys, int at, MatchPass pass)
    {
        for (var j = 0; j < pattern.Count; j++)
        {
            if (!LineMatches(lines.Line(at + j), pattern[j], patternKeys?[j], pass))
            {
                return false;
            }
        }
        return true;
    }

    private static bool LineMatches(ReadOnlySpan<char> line, string wanted, string? wantedKey, MatchPass pass) => pass switch
    {
        MatchPass.Exact => line.SequenceEqual(wanted),
        MatchPass.TrailingWhitespace => line.TrimEnd().SequenceEqual(wanted.AsSpan().TrimEnd()),
        MatchPass.SurroundingWhitespace => line.Trim().SequenceEqual(wanted.AsSpan().Trim()),
        _ => NormalisedEquals(line, wantedKey!),
    };

    private static string[] Normalise(IReadOnlyList<string> lines)
    {
        var keys = new string[lines.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = Normalise(lines[i]);
        }
        return keys;
    }

    private static bool NormalisedEquals(ReadOnlySpan<char> line, string key)
    {
        var trimmed = line.Trim();
        if (trimmed.Length != key.Length)
        {
            return false;
        }
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (Fold(trimmed[i]) != key[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The line trimmed, with typographic dashes, quotes and spaces replaced by ASCII.</summary>
    public static string Normalise(string line) => string.Create(line.AsSpan().Trim().Length, line, static (dest, src) =>
    {
        var trimmed = src.AsSpan().Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            dest[i] = Fold(trimmed[i]);
        }
    });

    // All mapped code points are in the BMP and map to one ASCII char, so lengths never change.
    private static char Fold(char c) => c switch
    {
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        '\u2018' or '\u2019' or '\u201A' or '\u201B' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' => '"',
        '\u00A0' or (>= '\u2002' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000' => ' ',
        _ => c,
    };
}
