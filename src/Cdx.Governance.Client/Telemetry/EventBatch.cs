namespace Cdx.Governance.Client.Telemetry;

/// <summary>The body of `POST /v1/clients/events`.</summary>
public sealed record EventBatch
{
    /// <summary>Largest batch the server accepts.</summary>
    public const int MaxEvents = 1000;

    /// <summary>The events, in the order they happened.</summary>
    public required IReadOnlyList<TelemetryEvent> Events { get; init; }
}
