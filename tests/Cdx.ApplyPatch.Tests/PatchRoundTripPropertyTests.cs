using System.Text;
using Cdx.ApplyPatch.Applying;
using Cdx.ApplyPatch.Matching;

namespace Cdx.ApplyPatch.Tests;

/// <summary>
/// Property: for a random file and a random edit of it, a patch generated from the line diff
/// applies back to exactly the edited file (deterministic seeds, a few hundred cases).
/// </summary>
public sealed class PatchRoundTripPropertyTests
{
    // Few distinct lines so duplicates (and fuzzy near-duplicates) are common.
    private static readonly string[] Vocabulary =
    [
        "", "x", "y", "}", "{", "return 1;", "  return 1;", "return 1;  ", "\tindented", "dup", "dup",
        "fn main() {", "// “quoted” — dash", "// \"quoted\" - dash", "naïve café", "-minus", "+plus",
        " space first", "@@ at", "*** star", "   ",
    ];

    [Fact]
    public void Generated_patch_applies_back_to_exactly_the_edited_file()
    {
        var checkedCases = 0;
        for (var seed = 1; seed <= 400; seed++)
        {
            var random = new Random(seed);
            var original = RandomLines(random, random.Next(0, 40));
            // New lines take the file's first ending; an empty file has none, so it gets "\n".
            var eol = random.Next(4) == 0 && original.Count > 0 ? "\r\n" : "\n";
            var edited = Edit(random, original);
            if (edited.SequenceEqual(original))
            {
                continue; // the random edit happened to change nothing
            }
            checkedCases++;
            var before = Join(original, eol);
            var after = Join(edited, eol);
            var patch = PatchGenerator.Update("f.txt", original, edited, random);

            using var box = new TempDir();
            box.Write("f.txt", before);
            var verified = PatchVerifier.Verify(patch, box.Path);
            Assert.True(verified.IsSuccess, $"seed {seed}: {verified.Error}\n--- patch:\n{patch}\n--- file:\n{before}");
            PatchApplier.Apply(verified.Patch!);
            var actual = box.Read("f.txt");
            Assert.True(after == actual, $"seed {seed}: applied file differs\n--- patch:\n{patch}\n--- before:\n{before}\n--- want:\n{after}\n--- got:\n{actual}");
        }
        Assert.True(checkedCases >= 300, $"only {checkedCases} cases had an edit");
    }

    [Fact]
    public void Generated_patch_for_unchanged_file_is_rejected_as_empty_update()
    {
        // Sanity check on the generator itself: no edit, no chunks, and the parser says so.
        var patch = PatchGenerator.Update("f.txt", ["a"], ["a"], new Random(1));
        using var box = new TempDir();
        box.Write("f.txt", "a\n");
        Assert.Equal("invalid hunk at line 2, Update file hunk for path 'f.txt' is empty", PatchVerifier.Verify(patch, box.Path).Error);
    }

    private static List<string> RandomLines(Random random, int count)
    {
        var lines = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            lines.Add(random.Next(5) == 0 ? $"line {random.Next(1000)}" : Vocabulary[random.Next(Vocabulary.Length)]);
        }
        return lines;
    }

    private static List<string> Edit(Random random, List<string> original)
    {
        var lines = new List<string>(original);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(lines.Count + 1);
            switch (random.Next(3))
            {
                case 0:
                    lines.InsertRange(at, RandomLines(random, random.Next(1, 4)));
                    break;
                case 1 when lines.Count > 0:
                    at = Math.Min(at, lines.Count - 1);
                    lines.RemoveRange(at, Math.Min(random.Next(1, 4), lines.Count - at));
                    break;
                default:
                    if (lines.Count > 0)
                    {
                        lines[Math.Min(at, lines.Count - 1)] = $"changed {random.Next(1000)}";
                    }
                    break;
            }
        }
        return lines;
    }

    private static string Join(List<string> lines, string eol)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            sb.Append(line).Append(eol);
        }
        return sb.ToString();
    }
}

/// <summary>
/// Writes an `*** Update File` patch from two versions of a file: an LCS line diff grouped into
/// chunks, each with enough leading context that Codex's first-match-after-cursor search lands on it.
/// </summary>
internal static class PatchGenerator
{
    public static string Update(string path, IReadOnlyList<string> before, IReadOnlyList<string> after, Random random)
    {
        var sb = new StringBuilder("*** Begin Patch\n*** Update File: ").Append(path).Append('\n');
        var cursor = 0;
        var changes = Changes(before, after);
        for (var c = 0; c < changes.Count; c++)
        {
            var (oldStart, oldEnd, newStart, newEnd) = changes[c];
            var nextStart = c + 1 < changes.Count ? changes[c + 1].Item1 : before.Count;
            var context = random.Next(0, 4);
            var start = Math.Max(cursor, oldStart - context);
            var end = Math.Min(nextStart, oldEnd + random.Next(0, 3));
            string? header = null;
            var searchFrom = cursor;
            if (start > cursor && random.Next(4) == 0)
            {
                // An `@@ line` header naming a line between the cursor and the chunk.
                var h = random.Next(cursor, start);
                var found = LineMatcher.Seek(before, [before[h]], cursor, endOfFile: false);
                if (found >= 0 && found < start && before[h].Length > 0 && before[h] == before[h].Trim())
                {
                    header = before[h];
                    searchFrom = found + 1;
                }
            }
            start = Math.Max(start, searchFrom);
            if (start == end)
            {
                // Insertions need an anchor: a pure addition would go to the end of the file.
                if (end < before.Count)
                {
                    end++;
                }
                else if (start > searchFrom)
                {
                    start--;
                }
            }
            var old = Slice(before, start, end);
            // Widen leading context until the search finds this very place (duplicates resolve to the first).
            while (old.Count > 0 && LineMatcher.Seek(before, old, searchFrom, endOfFile: false) != start)
            {
                start--;
                old = Slice(before, start, end);
            }
            var eof = end == before.Count && random.Next(3) == 0 && old.Count > 0;
            sb.Append(header is null ? "@@\n" : $"@@ {header}\n");
            for (var i = start; i < oldStart; i++)
            {
                sb.Append(' ').Append(before[i]).Append('\n');
            }
            for (var i = oldStart; i < oldEnd; i++)
            {
                sb.Append('-').Append(before[i]).Append('\n');
            }
            for (var i = newStart; i < newEnd; i++)
            {
                sb.Append('+').Append(after[i]).Append('\n');
            }
            for (var i = oldEnd; i < end; i++)
            {
                sb.Append(' ').Append(before[i]).Append('\n');
            }
            if (eof)
            {
                sb.Append("*** End of File\n");
            }
            cursor = end;
        }
        return sb.Append("*** End Patch\n").ToString();
    }

    private static List<string> Slice(IReadOnlyList<string> lines, int from, int to) => [.. lines.Skip(from).Take(to - from)];

    // Runs of differences between two line lists, as (oldStart, oldEnd, newStart, newEnd), from an LCS table.
    private static List<(int, int, int, int)> Changes(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var changes = new List<(int, int, int, int)>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                x++;
                y++;
                continue;
            }
            int sx = x, sy = y;
            while ((x < a.Count || y < b.Count) && !(x < a.Count && y < b.Count && a[x] == b[y]))
            {
                if (y >= b.Count || (x < a.Count && lcs[x + 1, y] >= lcs[x, y + 1]))
                {
                    x++;
                }
                else
                {
                    y++;
                }
            }
            changes.Add((sx, x, sy, y));
        }
        return changes;
    }
}
