namespace Cdx.Governance.Client.Telemetry;

/// <summary>The answer to `POST /v1/clients/events`: how many events were new and how many the server already had.</summary>
public sealed record EventBatchResult
{
    /// <summary>Events stored by this call.</summary>
    public int Accepted { get; init; }

    /// <summary>Events whose idempotency key was already stored (ignored).</summary>
    public int Duplicates { get; init; }
}
