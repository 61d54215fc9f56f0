using System.Text;

namespace Cdx.ApplyPatch.Diff;

/// <summary>Line-based unified diffs (Myers' algorithm), as shown for file changes.</summary>
public static class UnifiedDiff
{
    /// <summary>
    /// A unified diff from <paramref name="before"/> to <paramref name="after"/> (null means the file
    /// does not exist on that side) with <paramref name="context"/> lines around each change.
    /// </summary>
    public static string Create(string? before, string? after, string oldName, string newName, int context = 3)
    {
        var a = SplitKeepingEndings(before ?? string.Empty);
        var b = SplitKeepingEndings(after ?? string.Empty);
        var edits = LineDiff.Compute(a, b);
        var sb = new StringBuilder();
        sb.Append("--- ").Append(before is null ? "/dev/null" : oldName).Append('\n');
        sb.Append("+++ ").Append(after is null ? "/dev/null" : newName).Append('\n');
        foreach (var hunk in Group(edits, context))
        {
            WriteHunk(sb, edits, hunk.From, hunk.To, a, b);
        }
        return sb.ToString();
    }

    internal static string[] SplitKeepingEndings(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return [.. lines];
    }

    // Ranges of the edit script that form hunks: changes plus up to `context` equal lines around them.
    private static IEnumerable<(int From, int To)> Group(IReadOnlyList<Edit> edits, int context)
    {
        var i = 0;
        while (i < edits.Count)
        {
            while (i < edits.Count && edits[i].Op == EditOp.Equal)
            {
                i++;
            }
            if (i == edits.Count)
            {
                yield break;
            }
            var from = Math.Max(0, i - context);
            var to = i;
            var lastChange = i;
            while (to < edits.Count)
            {
                if (edits[to].Op != EditOp.Equal)
                {
                    lastChange = to;
                }
                else if (to - lastChange > 2 * context)
                {
                    break;
                }
                to++;
            }
            var end = Math.Min(edits.Count, lastChange + context + 1);
            yield return (from, end);
            i = end;
        }
    }

    private static void WriteHunk(StringBuilder sb, IReadOnlyList<Edit> edits, int from, int to, string[] a, string[] b)
    {
        var first = edits[from];
        int oldCount = 0, newCount = 0;
        for (var k = from; k < to; k++)
        {
            if (edits[k].Op != EditOp.Insert)
            {
                oldCount++;
            }
            if (edits[k].Op != EditOp.Delete)
            {
                newCount++;
            }
        }
        var oldStart = oldCount == 0 ? first.OldIndex : first.OldIndex + 1;
        var newStart = newCount == 0 ? first.NewIndex : first.NewIndex + 1;
        sb.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
        for (var k = from; k < to; k++)
        {
            var e = edits[k];
            var (prefix, line) = e.Op switch
            {
                EditOp.Equal => (' ', a[e.OldIndex]),
                EditOp.Delete => ('-', a[e.OldIndex]),
                _ => ('+', b[e.NewIndex]),
            };
            sb.Append(prefix).Append(line);
            if (!line.EndsWith('\n'))
            {
                sb.Append("\n\\ No newline at end of file\n");
            }
        }
    }

    private static string Range(int start, int count) => count == 1 ? $"{start}" : $"{start},{count}";
}
