using Cdx.Toml.Editing;

namespace Cdx.Toml;

// Remove: delete exactly the lines, sections or inline entries that wrote the value.
public sealed partial class TomlEditor
{
    /// <summary>Sorted, merged character ranges to delete, or null when the key does not exist.</summary>
    private List<(int Start, int End)>? PlanRemove(IReadOnlyList<string> keyPath)
    {
        var located = Locate(keyPath, forRemove: true);
        if (located is not { Existing: { } existing })
        {
            return null;
        }
        var ranges = new List<(int Start, int End)>();
        var inlineRemovals = new Dictionary<TomlTable, HashSet<int>>(ReferenceEqualityComparer.Instance);
        if (_map.ByValue.TryGetValue(existing, out var own))
        {
            AddKeyValueRange(own, ranges, inlineRemovals);
        }
        else
        {
            var subtree = new HashSet<TomlValue>(ReferenceEqualityComparer.Instance);
            Collect(existing, subtree);
            foreach (var kv in _map.KeyValues)
            {
                if (subtree.Contains(kv.Owner))
                {
                    AddKeyValueRange(kv, ranges, inlineRemovals);
                }
            }
            for (var i = 0; i < _map.Headers.Count; i++)
            {
                if (subtree.Contains(_map.Headers[i].Table))
                {
                    ranges.Add(SectionRemovalRange(i));
                }
            }
        }
        foreach (var (inline, removed) in inlineRemovals)
        {
            AddInlineRanges(inline, removed, ranges);
        }
        return Merge(ranges);
    }

    private void AddKeyValueRange(KeyValueSpan kv, List<(int, int)> ranges, Dictionary<TomlTable, HashSet<int>> inlineRemovals)
    {
        if (kv.Container.IsInline)
        {
            if (!inlineRemovals.TryGetValue(kv.Container, out var set))
            {
                inlineRemovals[kv.Container] = set = new HashSet<int>();
            }
            set.Add(kv.KeyStart);
            return;
        }
        ranges.Add((LineStart(kv.KeyStart), EndOfLine(kv.ValueEnd)));
    }

    /// <summary>Removes entries of one inline table so the commas left behind stay valid.</summary>
    private void AddInlineRanges(TomlTable inline, HashSet<int> removedKeyStarts, List<(int, int)> ranges)
    {
        var entries = _map.KeyValues.Where(kv => ReferenceEquals(kv.Container, inline)).ToList();
        var (open, close) = _map.InlineOf[inline];
        if (entries.All(e => removedKeyStarts.Contains(e.KeyStart)))
        {
            ranges.Add((open + 1, close));
            return;
        }
        var i = 0;
        while (i < entries.Count)
        {
            if (!removedKeyStarts.Contains(entries[i].KeyStart))
            {
                i++;
                continue;
            }
            var j = i;
            while (j + 1 < entries.Count && removedKeyStarts.Contains(entries[j + 1].KeyStart))
            {
                j++;
            }
            // A run in the middle or at the start takes the comma after it; a run at the end the one before it.
            ranges.Add(j + 1 < entries.Count
                ? (entries[i].KeyStart, entries[j + 1].KeyStart)
                : (entries[i - 1].ValueEnd, entries[j].ValueEnd));
            i = j + 1;
        }
    }

    /// <summary>A header's section up to the next header, leaving a comment block attached to that next header.</summary>
    private (int, int) SectionRemovalRange(int headerIndex)
    {
        var start = LineStart(_map.Headers[headerIndex].Start);
        if (headerIndex + 1 >= _map.Headers.Count)
        {
            return (start, _text.Length);
        }
        var next = LineStart(_map.Headers[headerIndex + 1].Start);
        return (start, CommentBlockStart(next, EndOfLine(_map.Headers[headerIndex].End)));
    }

    private static void Collect(TomlValue value, HashSet<TomlValue> into)
    {
        if (!into.Add(value))
        {
            return;
        }
        switch (value)
        {
            case TomlTable t:
                foreach (var (_, child) in t)
                {
                    Collect(child, into);
                }
                break;
            case TomlArray a:
                foreach (var child in a)
                {
                    Collect(child, into);
                }
                break;
        }
    }

    private static List<(int Start, int End)> Merge(List<(int Start, int End)> ranges)
    {
        ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<(int Start, int End)>();
        foreach (var r in ranges)
        {
            if (merged.Count > 0 && r.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
            }
            else
            {
                merged.Add(r);
            }
        }
        return merged;
    }
}
