namespace Cdx.Governance.Analytics;

/// <summary>One grouped usage row as the database returns it (bucket number, grouping key, sums).</summary>
internal sealed record UsageAggregate
{
    public long Bucket { get; init; }
    public string Key { get; init; } = "";
    public string Owner { get; init; } = "";
    public int ActiveUsers { get; init; }
    public int Threads { get; init; }
    public int Turns { get; init; }
    public int Responses { get; init; }
    public long Input { get; init; }
    public long Cached { get; init; }
    public long Output { get; init; }
    public long Reasoning { get; init; }
}
