using System.Text.Json;

namespace Cdx.Governance.Client.Telemetry;

/// <summary>
/// One event the agent records and the server ingests (`POST /v1/clients/events`). The same record
/// is a spool line on disk and an element of the wire batch, so nothing is lost in translation.
/// </summary>
public sealed record TelemetryEvent
{
    /// <summary>Client-generated unique key; the server ignores an event whose key it already has.</summary>
    public string IdempotencyKey { get; init; } = "";

    /// <summary>One of <see cref="TelemetryEventTypes"/>: `usage`, `CODEX_LOG`, `CODEX_SECURITY_LOG`, `code_review`, `code_review_response`.</summary>
    public required string Type { get; init; }

    /// <summary>The event within its type (e.g. `prompt`, `sandbox_denial`); see <see cref="TelemetryEventTypes.KindsOf"/>.</summary>
    public string? Kind { get; init; }

    /// <summary>Unix seconds when the event happened on the client.</summary>
    public long Timestamp { get; init; }

    /// <summary>Thread (session) id.</summary>
    public string? ThreadId { get; init; }

    /// <summary>Turn id within the thread.</summary>
    public string? TurnId { get; init; }

    /// <summary>Client surface, e.g. `cdx_exec`, `cdx_tui`.</summary>
    public string? Client { get; init; }

    /// <summary>Model slug.</summary>
    public string? Model { get; init; }

    /// <summary>Token counts (usage events).</summary>
    public TelemetryTokens? Tokens { get; init; }

    /// <summary>Where the agent ran (machine and working directory).</summary>
    public TelemetryEnvironment? Environment { get; init; }

    /// <summary>Event-specific content (prompt text, tool call, decision, ...); kept verbatim in compliance logs.</summary>
    public JsonElement? Payload { get; init; }
}
