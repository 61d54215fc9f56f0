using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Cdx.Protocol.Rollout;

/// <summary>Payload of the `compacted` record.</summary>
public sealed record CompactedRecord
{
    /// <summary>The summary text including its prefix.</summary>
    [JsonPropertyName("message")]
    public required string Message { get; init; }

    /// <summary>The history that replaces everything before (ResponseItems as JSON); optional in old files.</summary>
    [JsonPropertyName("replacement_history"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonArray? ReplacementHistory { get; init; }
}
