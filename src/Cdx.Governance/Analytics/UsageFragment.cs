namespace Cdx.Governance.Analytics;

/// <summary>Usage of one (UTC day, user, client) part of a window: a rollup row or an aggregate of raw edge events.</summary>
internal sealed record UsageFragment
{
    public long Day { get; init; }
    public string UserId { get; init; } = "";
    public string Client { get; init; } = "";
    public long Turns { get; init; }
    public long Responses { get; init; }
    public long Input { get; init; }
    public long Cached { get; init; }
    public long Output { get; init; }
    public long Reasoning { get; init; }
}

/// <summary>A thread seen on a UTC day by a user and client (from the rollup or from raw edge events).</summary>
internal sealed record ThreadFragment
{
    public long Day { get; init; }
    public string UserId { get; init; } = "";
    public string Client { get; init; } = "";
    public string ThreadId { get; init; } = "";
}

/// <summary>
/// How a window [start, end) splits: whole UTC days [FullStart, FullEnd) answered from the rollup,
/// and at most two raw ranges [A0, A1) and [B0, B1) for the partial days at the edges.
/// </summary>
internal readonly record struct UsageEdges(long FullStart, long FullEnd, long A0, long A1, long B0, long B1)
{
    public bool IsEmpty => A0 >= A1 && B0 >= B1;

    public static UsageEdges Of(long start, long end)
    {
        const long day = 86400;
        var fullStart = Ceil(start);
        var fullEnd = Floor(end);
        if (fullStart >= fullEnd)
        {
            // No whole day inside: everything is raw (one range; the rollup range is empty).
            return new UsageEdges(0, 0, start, end, 0, 0);
        }
        return new UsageEdges(fullStart, fullEnd, start, fullStart, fullEnd, end);

        static long Floor(long t) => t - (((t % day) + day) % day);
        static long Ceil(long t) => Floor(t) == t ? t : Floor(t) + day;
    }
}
