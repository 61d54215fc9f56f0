using System.Text;

namespace Cdx.ApplyPatch.Applying;

/// <summary>
/// A text file as a table of line offsets into its contents (no per-line strings). Lines remember
/// their own terminator, so an update keeps CRLF, LF, CR and mixed files as they were; new lines
/// take the ending of the file's first line.
/// </summary>
internal sealed class TextFile
{
    private readonly string _text;
    // Line i's text is _text[_starts[i].._ends[i]]; its terminator runs up to the next line's start.
    private readonly int[] _starts;
    private readonly int[] _ends;

    private TextFile(string text, int[] starts, int[] ends, int count, string preferred)
    {
        _text = text;
        _starts = starts;
        _ends = ends;
        Count = count;
        PreferredEnding = preferred;
    }

    /// <summary>The ending new lines get: the first line's terminator, or "\n".</summary>
    public string PreferredEnding { get; }

    /// <summary>The number of lines (a final line without terminator counts).</summary>
    public int Count { get; }

    /// <summary>Line <paramref name="index"/> without its terminator.</summary>
    public ReadOnlySpan<char> Line(int index) => _text.AsSpan(_starts[index], _ends[index] - _starts[index]);

    public static TextFile Parse(string contents)
    {
        var capacity = Math.Max(16, contents.Length / 32);
        var starts = new int[capacity];
        var ends = new int[capacity];
        var count = 0;
        string? preferred = null;
        var start = 0;
        while (start < contents.Length)
        {
            if (count == starts.Length)
            {
                starts = Grow(starts);
                ends = Grow(ends);
            }
            starts[count] = start;
            // "\r\n", "\n" and a lone "\r" all end a line (Codex 0.169 does the same).
            var end = contents.AsSpan(start).IndexOfAny('\n', '\r');
            if (end < 0)
            {
                ends[count++] = contents.Length;
                break;
            }
            end += start;
            ends[count++] = end;
            var endingLength = contents[end] == '\r' && end + 1 < contents.Length && contents[end + 1] == '\n' ? 2 : 1;
            preferred ??= endingLength == 2 ? "\r\n" : contents[end] == '\n' ? "\n" : "\r";
            start = end + endingLength;
        }
        return new TextFile(contents, starts, ends, count, preferred ?? "\n");
    }

    /// <summary>A table over lines that have no terminators of their own (for matching only).</summary>
    public static TextFile FromLines(IReadOnlyList<string> lines)
    {
        var sb = new StringBuilder();
        var starts = new int[lines.Count];
        var ends = new int[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            starts[i] = sb.Length;
            sb.Append(lines[i]);
            ends[i] = sb.Length;
        }
        return new TextFile(sb.ToString(), starts, ends, lines.Count, "\n");
    }

    /// <summary>
    /// The text with <paramref name="replacements"/> (sorted by start index) applied; every line ends
    /// terminated afterwards. Unchanged runs of lines are copied as single blocks.
    /// </summary>
    public string Apply(IReadOnlyList<Replacement> replacements)
    {
        var extra = 0;
        for (var r = 0; r < replacements.Count; r++)
        {
            var lines = replacements[r].NewLines;
            for (var i = 0; i < lines.Count; i++)
            {
                extra += lines[i].Length + PreferredEnding.Length;
            }
        }
        var sb = new StringBuilder(_text.Length + extra + PreferredEnding.Length);
        var source = 0;
        for (var r = 0; r < replacements.Count; r++)
        {
            var replacement = replacements[r];
            // Overlapping replacements (only possible with end-anchored chunks) keep the earlier one's lines.
            var start = Math.Max(replacement.Start, source);
            CopyLines(sb, source, Math.Min(start, Count));
            source = Math.Min(Count, Math.Max(source, replacement.Start + replacement.OldCount));
            var lines = replacement.NewLines;
            for (var i = 0; i < lines.Count; i++)
            {
                sb.Append(lines[i]).Append(PreferredEnding);
            }
        }
        CopyLines(sb, source, Count);
        return sb.ToString();
    }

    // Appends lines [from, to) with their own terminators; updates always leave a final newline, as Codex does.
    private void CopyLines(StringBuilder sb, int from, int to)
    {
        if (from >= to)
        {
            return;
        }
        var begin = _starts[from];
        var end = to < Count ? _starts[to] : _text.Length;
        sb.Append(_text, begin, end - begin);
        if (to == Count && _ends[Count - 1] == _text.Length)
        {
            sb.Append(PreferredEnding);
        }
    }

    private static int[] Grow(int[] array)
    {
        var grown = new int[array.Length * 2];
        Array.Copy(array, grown, array.Length);
        return grown;
    }
}

/// <summary>Replace <paramref name="OldCount"/> lines at <paramref name="Start"/> with <paramref name="NewLines"/>.</summary>
/// <remarks>A class, not a struct: generic collections over a custom struct are not precompiled (ReadyToRun), so they would be JIT-compiled on every run.</remarks>
internal sealed record Replacement(int Start, int OldCount, IReadOnlyList<string> NewLines);
