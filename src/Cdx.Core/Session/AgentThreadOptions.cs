using System.Text.Json.Nodes;
using Cdx.Core.Rollout;
using Cdx.Core.Tools;
using Cdx.Models;
using Cdx.Protocol.Items;

namespace Cdx.Core.Session;

/// <summary>Everything a thread needs: identity, model, tools, persistence, and where events go.</summary>
public sealed record AgentThreadOptions
{
    /// <summary>Thread id (UUID v7); a resumed thread keeps its id.</summary>
    public required string ThreadId { get; init; }

    /// <summary>Model slug sent with each request.</summary>
    public required string Model { get; init; }

    /// <summary>The model client (one per thread).</summary>
    public required ModelClient Client { get; init; }

    /// <summary>The tool runtime (owns exec sessions).</summary>
    public required ToolRuntime Tools { get; init; }

    /// <summary>Events sink.</summary>
    public required ISessionEventSink Sink { get; init; }

    /// <summary>Injected before the first user message when the history is empty.</summary>
    public IReadOnlyList<ResponseItem> InitialContext { get; init; } = [];

    /// <summary>History restored from a rollout.</summary>
    public IReadOnlyList<ResponseItem> History { get; init; } = [];

    /// <summary>Usage restored from a rollout (totals continue across resume).</summary>
    public TokenUsage Usage { get; init; } = TokenUsage.Zero;

    /// <summary>Where records go; null for `--ephemeral`.</summary>
    public RolloutRecorder? Recorder { get; init; }

    /// <summary>`reasoning` request object, or null.</summary>
    public JsonObject? Reasoning { get; init; }

    /// <summary>`text` request object (verbosity, `--output-schema` format), or null.</summary>
    public JsonObject? Text { get; init; }

    /// <summary>Whether the model may send several tool calls in one response.</summary>
    public bool ParallelToolCalls { get; init; } = true;

    /// <summary>Settings recorded as `turn_context` at the start of each turn.</summary>
    public required TurnSettings Settings { get; init; }

    /// <summary>Usable context window (for `token_count`), when known.</summary>
    public long? ModelContextWindow { get; init; }
}

/// <summary>Per-turn settings persisted in `turn_context`.</summary>
public sealed record TurnSettings
{
    /// <summary>Working directory.</summary>
    public required string Cwd { get; init; }

    /// <summary>Approval policy name.</summary>
    public required string ApprovalPolicy { get; init; }

    /// <summary>`sandbox_policy` object.</summary>
    public required JsonObject SandboxPolicy { get; init; }

    /// <summary>Reasoning effort, if any.</summary>
    public string? Effort { get; init; }

    /// <summary>Reasoning summary mode.</summary>
    public string Summary { get; init; } = "auto";

    /// <summary>`--output-schema` schema, if any.</summary>
    public JsonNode? OutputSchema { get; init; }
}
