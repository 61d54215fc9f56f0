namespace Cdx.Governance.Client.Telemetry;

/// <summary>What one <see cref="TelemetryShipper.ShipAsync"/> run achieved.</summary>
public sealed record ShipResult
{
    /// <summary>Events the server stored.</summary>
    public int Accepted { get; init; }

    /// <summary>Events the server already had (a retry after a lost answer).</summary>
    public int Duplicates { get; init; }

    /// <summary>Events the server refused as malformed (moved to `rejected.jsonl`).</summary>
    public int Rejected { get; init; }

    /// <summary>Why shipping stopped early (server unreachable, token refused); null when the spool was emptied.</summary>
    public string? Problem { get; init; }
}
