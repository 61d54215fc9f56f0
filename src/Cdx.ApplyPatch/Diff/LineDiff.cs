namespace Cdx.ApplyPatch.Diff;

/// <summary>The kind of one step of an edit script.</summary>
internal enum EditOp
{
    Equal,
    Delete,
    Insert,
}

/// <summary>One step of an edit script, with the line positions it refers to on each side.</summary>
internal readonly record struct Edit(EditOp Op, int OldIndex, int NewIndex);

/// <summary>Shortest edit script between two line arrays (Myers 1986, with common prefix/suffix trimmed).</summary>
internal static class LineDiff
{
    private const long MaxTraceCells = 16_000_000;

    public static List<Edit> Compute(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }
        var edits = new List<Edit>(a.Length + b.Length);
        for (var i = 0; i < prefix; i++)
        {
            edits.Add(new Edit(EditOp.Equal, i, i));
        }
        Middle(a, b, prefix, a.Length - suffix, prefix, b.Length - suffix, edits);
        for (var i = 0; i < suffix; i++)
        {
            edits.Add(new Edit(EditOp.Equal, a.Length - suffix + i, b.Length - suffix + i));
        }
        return edits;
    }

    // Greedy forward Myers with a saved V per step, then backtracking to recover the script.
    private static void Middle(string[] a, string[] b, int aFrom, int aTo, int bFrom, int bTo, List<Edit> edits)
    {
        int n = aTo - aFrom, m = bTo - bFrom, max = n + m, offset = max + 1;
        var trace = new List<int[]>();
        var v = new int[2 * max + 3];
        var done = max == 0;
        long stored = 0;
        for (var d = 0; d <= max && !done; d++)
        {
            // Keep only the diagonals step d can read back; quit to a plain replace when too costly.
            stored += 2 * d + 1;
            if (stored > MaxTraceCells)
            {
                ReplaceAll(aFrom, aTo, bFrom, bTo, edits);
                return;
            }
            trace.Add(v.AsSpan(offset - d, 2 * d + 1).ToArray());
            for (var k = -d; k <= d; k += 2)
            {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[aFrom + x] == b[bFrom + y])
                {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    done = true;
                    break;
                }
            }
        }
        var script = new List<Edit>();
        int cx = n, cy = m;
        for (var d = trace.Count - 1; d >= 0 && (cx > 0 || cy > 0); d--)
        {
            var vd = trace[d];
            var k = cx - cy;
            var down = k == -d || (k != d && vd[d + k - 1] < vd[d + k + 1]);
            var prevK = down ? k + 1 : k - 1;
            var prevX = d == 0 ? 0 : vd[d + prevK];
            var prevY = prevX - prevK;
            while (cx > prevX && cy > prevY && cx > 0 && cy > 0)
            {
                script.Add(new Edit(EditOp.Equal, aFrom + cx - 1, bFrom + cy - 1));
                cx--;
                cy--;
            }
            if (d > 0)
            {
                script.Add(down
                    ? new Edit(EditOp.Insert, aFrom + cx, bFrom + cy - 1)
                    : new Edit(EditOp.Delete, aFrom + cx - 1, bFrom + cy));
                if (down)
                {
                    cy--;
                }
                else
                {
                    cx--;
                }
            }
        }
        script.Reverse();
        edits.AddRange(script);
    }

    private static void ReplaceAll(int aFrom, int aTo, int bFrom, int bTo, List<Edit> edits)
    {
        for (var i = aFrom; i < aTo; i++)
        {
            edits.Add(new Edit(EditOp.Delete, i, bFrom));
        }
        for (var j = bFrom; j < bTo; j++)
        {
            edits.Add(new Edit(EditOp.Insert, aTo, j));
        }
    }
}
