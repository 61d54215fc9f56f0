namespace Cdx.Core.Rollout;

/// <summary>
/// New thread ids: UUID v7 (as Codex 0.169) that also increase strictly within this process.
/// Rollout file names end in the id and `--last` picks the greatest name, so two threads started
/// in the same millisecond must still sort in creation order (v7's random bits alone don't).
/// </summary>
public static class ThreadIds
{
    private static readonly Lock Gate = new();
    private static Guid _last;

    /// <summary>A fresh id whose string form sorts after every id this process made before.</summary>
    public static string New()
    {
        lock (Gate)
        {
            var id = Guid.CreateVersion7();
            if (string.CompareOrdinal(id.ToString(), _last.ToString()) <= 0)
            {
                id = Successor(_last);
            }
            _last = id;
            return id.ToString();
        }
    }

    // The next id in string order: add one to the last 48 bits (the final group), which hold
    // only random bits in v7, so the timestamp, version and variant stay intact.
    private static Guid Successor(Guid g)
    {
        var bytes = g.ToByteArray();
        for (var i = 15; i >= 10; i--)
        {
            if (++bytes[i] != 0)
            {
                break;
            }
        }
        return new Guid(bytes);
    }
}
