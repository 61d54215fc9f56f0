namespace Cdx.Governance.Compliance;

// Storage rows of the compliance log. Times are Unix seconds, as everywhere in the store.

/// <summary>One hash-chained compliance record; <see cref="Payload"/> and <see cref="UserEmail"/> are cleared by a data-subject deletion, the hashes never change.</summary>
internal sealed class ComplianceRecordRow
{
    public required string Id { get; set; }
    public required string WorkspaceId { get; set; }
    public required string EventType { get; set; }
    public long Seq { get; set; }
    /// <summary>`{user_id}:{client key}` for client events (scoped per user), `server:{id}` for records the server writes.</summary>
    public required string IdempotencyKey { get; set; }
    public required string Kind { get; set; }
    public long Timestamp { get; set; }
    public long ReceivedAt { get; set; }
    public string? UserId { get; set; }
    public string? UserEmail { get; set; }
    public string? ThreadId { get; set; }
    public string? TurnId { get; set; }
    public string? Client { get; set; }
    public string? Model { get; set; }
    public string? EnvironmentId { get; set; }
    /// <summary>Canonical JSON (see <see cref="ComplianceHashing.CanonicalPayload"/>); null once deleted.</summary>
    public string? Payload { get; set; }
    public long? DeletedAt { get; set; }
    public required string PayloadHash { get; set; }
    public required string PrevHash { get; set; }
    public required string Hash { get; set; }

    public ComplianceRecordFields Fields() => new()
    {
        Id = Id, WorkspaceId = WorkspaceId, EventType = EventType, Seq = Seq, Kind = Kind, Timestamp = Timestamp,
        ReceivedAt = ReceivedAt, UserId = UserId, ThreadId = ThreadId, TurnId = TurnId, Client = Client, Model = Model,
        EnvironmentId = EnvironmentId, PayloadHash = PayloadHash, PrevHash = PrevHash,
    };
}

/// <summary>
/// The head of one chain (workspace, event type). Appenders lock it first (an UPDATE in the
/// appending transaction) and write it back with an optimistic <see cref="Version"/> check, so
/// several server instances on one database never fork a chain.
/// </summary>
internal sealed class ChainHeadRow
{
    public required string WorkspaceId { get; set; }
    public required string EventType { get; set; }
    public long Seq { get; set; }
    public required string Hash { get; set; }
    public long LastReceivedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>One JSONL log file: the records of a chain whose received_at falls in one fixed time bucket.</summary>
internal sealed class LogFileRow
{
    public required string Id { get; set; }
    public required string WorkspaceId { get; set; }
    public required string EventType { get; set; }
    public long StartTime { get; set; }
    public long EndTime { get; set; }
    public long FirstSeq { get; set; }
    public long LastSeq { get; set; }
    public long RecordCount { get; set; }
    /// <summary>prev_hash of the file's first record: where it attaches to the previous file.</summary>
    public required string PrevHash { get; set; }
    /// <summary>hash of the file's last record: the chain head the file carries.</summary>
    public required string HeadHash { get; set; }
}
