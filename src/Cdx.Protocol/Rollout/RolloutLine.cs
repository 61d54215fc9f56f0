using System.Text.Json.Nodes;

namespace Cdx.Protocol.Rollout;

/// <summary>
/// One line of a rollout file (spec sessions.md §2):
/// `{"timestamp","ordinal","type","payload"}`. The payload stays a JSON tree so unknown
/// record kinds and fields written by other versions survive a read.
/// </summary>
public sealed record RolloutLine
{
    /// <summary>When the line was written (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>0-based line counter within the thread; null in files from older writers.</summary>
    public long? Ordinal { get; init; }

    /// <summary>`session_meta`, `response_item`, `turn_context`, `event_msg`, `compacted`, or anything newer.</summary>
    public required string Type { get; init; }

    /// <summary>The record payload.</summary>
    public required JsonNode Payload { get; init; }
}
