namespace Cdx.Governance.Compliance;

/// <summary>The fields of a compliance record that its <c>hash</c> covers (everything but the redactable content, which is covered through <see cref="PayloadHash"/>).</summary>
public sealed record ComplianceRecordFields
{
    /// <summary>Record id (`rec_...`).</summary>
    public required string Id { get; init; }
    /// <summary>Workspace the chain belongs to.</summary>
    public required string WorkspaceId { get; init; }
    /// <summary>`CODEX_LOG` or `CODEX_SECURITY_LOG`; each has its own chain.</summary>
    public required string EventType { get; init; }
    /// <summary>Position in the chain, 1-based and gapless.</summary>
    public required long Seq { get; init; }
    /// <summary>Event kind (`prompt`, `sandbox_denial`, `records_deleted`, ...).</summary>
    public required string Kind { get; init; }
    /// <summary>Client time of the event (Unix seconds).</summary>
    public required long Timestamp { get; init; }
    /// <summary>Server time the record joined the chain (Unix seconds; never decreases along a chain).</summary>
    public required long ReceivedAt { get; init; }
    /// <summary>User the event belongs to; null for server records.</summary>
    public string? UserId { get; init; }
    /// <summary>Thread (session) id.</summary>
    public string? ThreadId { get; init; }
    /// <summary>Turn id.</summary>
    public string? TurnId { get; init; }
    /// <summary>Client surface.</summary>
    public string? Client { get; init; }
    /// <summary>Model slug.</summary>
    public string? Model { get; init; }
    /// <summary>`codex_environments` id, when the event named one.</summary>
    public string? EnvironmentId { get; init; }
    /// <summary>SHA-256 (hex) of the redactable content (email and payload); survives deletion of that content.</summary>
    public required string PayloadHash { get; init; }
    /// <summary>Hash of the previous record of the chain (64 zeros for the first).</summary>
    public required string PrevHash { get; init; }
}
