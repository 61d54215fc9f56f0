namespace Cdx.Governance.Compliance;

/// <summary>A record waiting to be appended; the chain assigns id, seq, received_at and hashes.</summary>
internal sealed record PendingRecord
{
    public required string IdempotencyKey { get; init; }
    public required string Kind { get; init; }
    public long Timestamp { get; init; }
    public string? UserId { get; init; }
    public string? UserEmail { get; init; }
    public string? ThreadId { get; init; }
    public string? TurnId { get; init; }
    public string? Client { get; init; }
    public string? Model { get; init; }
    public string? EnvironmentId { get; init; }
    public string? Payload { get; init; }
}
