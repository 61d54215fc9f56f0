namespace Cdx.Governance.Ingestion;

// Storage rows fed by `POST /v1/clients/events`. Idempotency keys are stored as `{user_id}:{key}`
// so one user's keys can never shadow another's.

/// <summary>Token usage of one model response.</summary>
internal sealed class UsageEventRow
{
    public long Id { get; set; }
    public required string IdempotencyKey { get; set; }
    public required string UserId { get; set; }
    public string? ThreadId { get; set; }
    public string? TurnId { get; set; }
    public string? Client { get; set; }
    public string? Model { get; set; }
    public long Timestamp { get; set; }
    public long ReceivedAt { get; set; }
    public long InputTokens { get; set; }
    public long CachedInputTokens { get; set; }
    public long OutputTokens { get; set; }
    public long ReasoningTokens { get; set; }
}

/// <summary>A completed code review (<see cref="Kind"/> `review`) or a response to one of its comments (`response`).</summary>
internal sealed class CodeReviewEventRow
{
    public long Id { get; set; }
    public required string IdempotencyKey { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public long Timestamp { get; set; }
    public string? ReviewId { get; set; }
    public string? CommentId { get; set; }
    public long Comments { get; set; }
    public long P0 { get; set; }
    public long P1 { get; set; }
    public long P2 { get; set; }
    /// <summary>`positive`, `negative`, `other`, or null for a reply without reaction.</summary>
    public string? Reaction { get; set; }
    public bool Reply { get; set; }
}

/// <summary>A thread (session) seen from a user: a `codex_tasks` row.</summary>
internal sealed class CodexTaskRow
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public required string ThreadId { get; set; }
    public string? Client { get; set; }
    public string? Model { get; set; }
    public string? EnvironmentId { get; set; }
    public long FirstSeenAt { get; set; }
    public long LastSeenAt { get; set; }
    public long UsageEvents { get; set; }
    public long InputTokens { get; set; }
    public long CachedInputTokens { get; set; }
    public long OutputTokens { get; set; }
    public long ReasoningTokens { get; set; }
}

/// <summary>A (user, machine, working directory) an agent ran in: a `codex_environments` row.</summary>
internal sealed class CodexEnvironmentRow
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public string? MachineId { get; set; }
    public string? Hostname { get; set; }
    public string? Os { get; set; }
    public string? Cwd { get; set; }
    public string? GitRemote { get; set; }
    public long FirstSeenAt { get; set; }
    public long LastSeenAt { get; set; }
}
