using Cdx.ApplyPatch.Matching;
using Cdx.ApplyPatch.Model;

namespace Cdx.ApplyPatch.Applying;

/// <summary>Computes a file's new text from its old text and the chunks of an Update hunk.</summary>
public static class UpdateComputer
{
    /// <summary>
    /// Applies <paramref name="chunks"/> to <paramref name="original"/>; throws <see cref="PatchApplyException"/>
    /// naming <paramref name="displayPath"/> and the lines that were not found.
    /// </summary>
    public static string Apply(string original, IReadOnlyList<UpdateChunk> chunks, string displayPath)
    {
        var file = TextFile.Parse(original);
        return file.Apply(ComputeReplacements(file, chunks, displayPath));
    }

    internal static List<Replacement> ComputeReplacements(TextFile lines, IReadOnlyList<UpdateChunk> chunks, string displayPath)
    {
        var replacements = new List<Replacement>();
        var cursor = 0;
        foreach (var chunk in chunks)
        {
            if (chunk.ChangeContext is { } context)
            {
                var at = LineMatcher.Seek(lines, [context], cursor, endOfFile: false);
                if (at < 0)
                {
                    throw new PatchApplyException($"Failed to find context '{context}' in {displayPath}", displayPath);
                }
                cursor = at + 1;
            }
            if (chunk.OldLines.Count == 0)
            {
                // Pure additions go at the end of the file, not after the context line (Codex does the same).
                replacements.Add(new Replacement(lines.Count, 0, chunk.NewLines));
                continue;
            }
            var pattern = chunk.OldLines;
            var replacement = chunk.NewLines;
            var found = LineMatcher.Seek(lines, pattern, cursor, chunk.IsEndOfFile);
            if (found < 0 && pattern[^1].Length == 0)
            {
                // A trailing blank context line often stands for the file's final newline: retry without it.
                pattern = Slice(pattern, pattern.Count - 1);
                if (replacement.Count > 0 && replacement[^1].Length == 0)
                {
                    replacement = Slice(replacement, replacement.Count - 1);
                }
                found = LineMatcher.Seek(lines, pattern, cursor, chunk.IsEndOfFile);
            }
            if (found < 0)
            {
                throw new PatchApplyException(
                    $"Failed to find expected lines in {displayPath}:\n{string.Join('\n', chunk.OldLines)}", displayPath);
            }
            AddKeepingContext(replacements, found, pattern, replacement, chunk.ContextLines);
            cursor = found + pattern.Count;
        }
        SortStable(replacements);
        return replacements;
    }

    // Stable insertion sort by start (a pure addition and a replacement at the same index keep patch
    // order). Replacements arrive almost sorted, so this is linear in practice; it also avoids LINQ's
    // sorter, which is JIT-compiled on every run.
    private static void SortStable(List<Replacement> replacements)
    {
        for (var i = 1; i < replacements.Count; i++)
        {
            var item = replacements[i];
            var j = i - 1;
            if (replacements[j].Start <= item.Start)
            {
                continue;
            }
            while (j >= 0 && replacements[j].Start > item.Start)
            {
                replacements[j + 1] = replacements[j];
                j--;
            }
            replacements[j + 1] = item;
        }
    }

    // Context lines stay as they are in the file (text and terminator); only the runs between them change.
    private static void AddKeepingContext(
        List<Replacement> replacements, int at, IReadOnlyList<string> pattern, IReadOnlyList<string> replacement,
        IReadOnlyList<(int OldIndex, int NewIndex)> contextLines)
    {
        var oldStart = 0;
        var newStart = 0;
        // The parser makes an array; indexing it directly keeps this precompiled (no generic interface calls).
        var array = contextLines as (int, int)[];
        var count = array?.Length ?? contextLines.Count;
        for (var i = 0; i < count; i++)
        {
            var (oldIndex, newIndex) = array is not null ? array[i] : contextLines[i];
            if (oldIndex >= pattern.Count || newIndex >= replacement.Count)
            {
                break;
            }
            if (oldStart != oldIndex || newStart != newIndex)
            {
                replacements.Add(new Replacement(at + oldStart, oldIndex - oldStart, Slice(replacement, newStart, newIndex)));
            }
            oldStart = oldIndex + 1;
            newStart = newIndex + 1;
        }
        if (oldStart != pattern.Count || newStart != replacement.Count)
        {
            replacements.Add(new Replacement(at + oldStart, pattern.Count - oldStart, Slice(replacement, newStart, replacement.Count)));
        }
    }

    private static IReadOnlyList<string> Slice(IReadOnlyList<string> list, int count) => Slice(list, 0, count);

    private static IReadOnlyList<string> Slice(IReadOnlyList<string> list, int from, int to)
    {
        var result = new string[Math.Max(0, to - from)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = list[from + i];
        }
        return result;
    }
}
