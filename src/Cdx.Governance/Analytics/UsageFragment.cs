namespace Cdx.Governance.Analytics;

/// <summary>Usage of one (day or hour, user, client) part of a window: a rollup row or an aggregate of raw edge events.</summary>
internal sealed record UsageFragment
{
    public long Start { get; init; }
    public string UserId { get; init; } = "";
    public string Client { get; init; } = "";
    public long Turns { get; init; }
    public long Responses { get; init; }
    public long Input { get; init; }
    public long Cached { get; init; }
    public long Output { get; init; }
    public long Reasoning { get; init; }
}

/// <summary>A thread seen in a day or hour by a user and client (from the rollup or from raw edge events).</summary>
internal sealed record ThreadFragment
{
    public long Start { get; init; }
    public string UserId { get; init; } = "";
    public string Client { get; init; } = "";
    public string ThreadId { get; init; } = "";
}

/// <summary>
/// How a window [start, end) splits: whole UTC days [D0, D1) from the daily rollup, whole hours
/// [H0, H1) and [H2, H3) of the partial edge days from the hourly rollup, and at most two partial
/// hours [A0, A1) and [B0, B1) from the raw events. Empty ranges have start >= end.
/// </summary>
internal readonly record struct UsageEdges(long D0, long D1, long H0, long H1, long H2, long H3, long A0, long A1, long B0, long B1)
{
    public bool HasRaw => A0 < A1 || B0 < B1;

    public static UsageEdges Of(long start, long end)
    {
        const long day = 86400, hour = 3600;
        long hs = Ceil(start, hour), he = Floor(end, hour);
        if (hs >= he)
        {
            return new UsageEdges(0, 0, 0, 0, 0, 0, start, end, 0, 0);
        }
        long ds = Ceil(start, day), de = Floor(end, day);
        if (ds >= de)
        {
            return new UsageEdges(0, 0, hs, he, 0, 0, start, hs, he, end);
        }
        return new UsageEdges(ds, de, hs, ds, de, he, start, hs, he, end);

        static long Floor(long t, long span) => t - (((t % span) + span) % span);
        static long Ceil(long t, long span) => Floor(t, span) == t ? t : Floor(t, span) + span;
    }
}
