using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Cdx.Protocol.Rollout;

/// <summary>Payload of the `turn_context` record: the settings a turn ran with.</summary>
public sealed record TurnContextRecord
{
    /// <summary>Turn id.</summary>
    [JsonPropertyName("turn_id")]
    public required string TurnId { get; init; }

    /// <summary>Working directory.</summary>
    [JsonPropertyName("cwd")]
    public required string Cwd { get; init; }

    /// <summary>Approval policy (`never` in exec).</summary>
    [JsonPropertyName("approval_policy")]
    public required string ApprovalPolicy { get; init; }

    /// <summary>`{"type":"read-only"|"workspace-write"|"danger-full-access", ...}`.</summary>
    [JsonPropertyName("sandbox_policy")]
    public required JsonObject SandboxPolicy { get; init; }

    /// <summary>Model slug.</summary>
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    /// <summary>Reasoning effort, if set.</summary>
    [JsonPropertyName("effort"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Effort { get; init; }

    /// <summary>Reasoning summary mode.</summary>
    [JsonPropertyName("summary")]
    public required string Summary { get; init; }

    /// <summary>The `--output-schema` schema, if any.</summary>
    [JsonPropertyName("final_output_json_schema"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonNode? FinalOutputJsonSchema { get; init; }
}
