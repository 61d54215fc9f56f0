using System.Text.Json.Nodes;
using Cdx.Protocol.Items;

namespace Cdx.Models;

/// <summary>One sampling request: the model, the whole history as input, and the tools.</summary>
public sealed record ModelRequest
{
    /// <summary>The model slug.</summary>
    public required string Model { get; init; }

    /// <summary>The full conversation so far (stateless requests).</summary>
    public required IReadOnlyList<ResponseItem> Input { get; init; }

    /// <summary>Tool specs in Responses shape (converted for chat).</summary>
    public required IReadOnlyList<JsonObject> Tools { get; init; }

    /// <summary>`parallel_tool_calls`.</summary>
    public bool ParallelToolCalls { get; init; } = true;

    /// <summary>`reasoning` object (`effort`, `summary`); omitted when null, and then `include` is empty.</summary>
    public JsonObject? Reasoning { get; init; }

    /// <summary>`text` object (`verbosity`, `format` json_schema); omitted when null.</summary>
    public JsonObject? Text { get; init; }

    /// <summary>The thread (conversation) id: `prompt_cache_key` and the session headers.</summary>
    public required string ThreadId { get; init; }

    /// <summary>The turn id, for request metadata.</summary>
    public string? TurnId { get; init; }

    /// <summary>Top-level `instructions` (older-build style); null to send base instructions as a developer message instead.</summary>
    public string? Instructions { get; init; }

    /// <summary>`service_tier` (e.g. `priority`); omitted when null.</summary>
    public string? ServiceTier { get; init; }
}
