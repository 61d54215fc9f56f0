using System.Text;

namespace Cdx.ApplyPatch.Applying;

/// <summary>
/// A text file as lines that remember their own terminator, so an update keeps CRLF, LF, CR and
/// mixed files as they were; new lines take the ending of the file's first line.
/// </summary>
internal sealed class TextFile
{
    private List<string> _texts;
    private List<string?> _endings;

    private TextFile(List<string> texts, List<string?> endings, string preferred)
    {
        _texts = texts;
        _endings = endings;
        PreferredEnding = preferred;
    }

    /// <summary>The ending new lines get: the first line's terminator, or "\n".</summary>
    public string PreferredEnding { get; }

    /// <summary>The line texts without terminators.</summary>
    public IReadOnlyList<string> Lines => _texts;

    public static TextFile Parse(string contents)
    {
        var texts = new List<string>();
        var endings = new List<string?>();
        string? preferred = null;
        var start = 0;
        while (start < contents.Length)
        {
            // "\r\n", "\n" and a lone "\r" all end a line (Codex 0.169 does the same).
            var end = contents.AsSpan(start).IndexOfAny('\n', '\r');
            if (end < 0)
            {
                texts.Add(contents[start..]);
                endings.Add(null);
                break;
            }
            end += start;
            texts.Add(contents[start..end]);
            var ending = contents[end] == '\n' ? "\n"
                : end + 1 < contents.Length && contents[end + 1] == '\n' ? "\r\n"
                : "\r";
            endings.Add(ending);
            preferred ??= ending;
            start = end + ending.Length;
        }
        return new TextFile(texts, endings, preferred ?? "\n");
    }

    /// <summary>Applies replacements sorted by start index; every line ends terminated afterwards.</summary>
    public void Apply(IReadOnlyList<Replacement> replacements)
    {
        var texts = new List<string>(_texts.Count + 16);
        var endings = new List<string?>(_texts.Count + 16);
        var source = 0;
        foreach (var r in replacements)
        {
            // Overlapping replacements (only possible with end-anchored chunks) keep the earlier one's lines.
            var start = Math.Max(r.Start, source);
            for (; source < start && source < _texts.Count; source++)
            {
                texts.Add(_texts[source]);
                endings.Add(_endings[source]);
            }
            source = Math.Min(_texts.Count, Math.Max(source, r.Start + r.OldCount));
            foreach (var line in r.NewLines)
            {
                texts.Add(line);
                endings.Add(PreferredEnding);
            }
        }
        for (; source < _texts.Count; source++)
        {
            texts.Add(_texts[source]);
            endings.Add(_endings[source]);
        }
        // Updates always leave a final newline, as Codex does.
        for (var i = 0; i < endings.Count; i++)
        {
            endings[i] ??= PreferredEnding;
        }
        _texts = texts;
        _endings = endings;
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < _texts.Count; i++)
        {
            sb.Append(_texts[i]).Append(_endings[i]);
        }
        return sb.ToString();
    }
}

/// <summary>Replace <paramref name="OldCount"/> lines at <paramref name="Start"/> with <paramref name="NewLines"/>.</summary>
internal readonly record struct Replacement(int Start, int OldCount, IReadOnlyList<string> NewLines);
