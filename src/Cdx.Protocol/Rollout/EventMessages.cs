using System.Text.Json.Serialization;

namespace Cdx.Protocol.Rollout;

/// <summary>A persisted `event_msg` payload (upstream persisted set, sessions.md §2.3).</summary>
public abstract record EventMessage
{
    /// <summary>The snake_case event type.</summary>
    [JsonPropertyName("type"), JsonPropertyOrder(-1)]
    public string Type => TypeName;

    /// <summary>The discriminator value of the concrete type.</summary>
    protected abstract string TypeName { get; }
}

/// <summary>`user_message`: what the user typed.</summary>
public sealed record UserMessageEvent([property: JsonPropertyName("message")] string Message) : EventMessage
{
    /// <inheritdoc />
    protected override string TypeName => "user_message";

    /// <summary>Attached image URLs, if any.</summary>
    [JsonPropertyName("images"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Images { get; init; }
}

/// <summary>`agent_message`: an assistant message.</summary>
public sealed record AgentMessageEvent([property: JsonPropertyName("message")] string Message) : EventMessage
{
    /// <inheritdoc />
    protected override string TypeName => "agent_message";
}

/// <summary>`agent_reasoning`: a reasoning summary.</summary>
public sealed record AgentReasoningEvent([property: JsonPropertyName("text")] string Text) : EventMessage
{
    /// <inheritdoc />
    protected override string TypeName => "agent_reasoning";
}

/// <summary>`turn_aborted`: the turn was interrupted.</summary>
public sealed record TurnAbortedEvent([property: JsonPropertyName("reason")] string Reason) : EventMessage
{
    /// <inheritdoc />
    protected override string TypeName => "turn_aborted";
}

/// <summary>`task_started`: a turn began.</summary>
public sealed record TaskStartedEvent([property: JsonPropertyName("turn_id")] string TurnId) : EventMessage
{
    /// <inheritdoc />
    protected override string TypeName => "task_started";

    /// <summary>The usable context window, when known.</summary>
    [JsonPropertyName("model_context_window")]
    public long? ModelContextWindow { get; init; }
}

/// <summary>`task_complete`: a turn ended.</summary>
public sealed record TaskCompleteEvent(
    [property: JsonPropertyName("turn_id")] string TurnId,
    [property: JsonPropertyName("last_agent_message")] string? LastAgentMessage) : EventMessage
{
    /// <inheritdoc />
    protected override string TypeName => "task_complete";
}

/// <summary>Token counts in rollout form.</summary>
public sealed record RolloutTokenUsage(
    [property: JsonPropertyName("input_tokens")] long InputTokens,
    [property: JsonPropertyName("cached_input_tokens")] long CachedInputTokens,
    [property: JsonPropertyName("cache_write_input_tokens")] long CacheWriteInputTokens,
    [property: JsonPropertyName("output_tokens")] long OutputTokens,
    [property: JsonPropertyName("reasoning_output_tokens")] long ReasoningOutputTokens,
    [property: JsonPropertyName("total_tokens")] long TotalTokens);

/// <summary>The `info` object of `token_count`.</summary>
public sealed record TokenCountInfo(
    [property: JsonPropertyName("total_token_usage")] RolloutTokenUsage TotalTokenUsage,
    [property: JsonPropertyName("last_token_usage")] RolloutTokenUsage LastTokenUsage,
    [property: JsonPropertyName("model_context_window")] long? ModelContextWindow);

/// <summary>`token_count`: usage after a model response (thread total and last response).</summary>
public sealed record TokenCountEvent([property: JsonPropertyName("info")] TokenCountInfo? Info) : EventMessage
{
    /// <inheritdoc />
    protected override string TypeName => "token_count";

    /// <summary>Rate-limit snapshot; cdx records none.</summary>
    [JsonPropertyName("rate_limits")]
    public object? RateLimits => null;
}
