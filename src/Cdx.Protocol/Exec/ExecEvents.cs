using System.Text.Json.Serialization;

namespace Cdx.Protocol.Exec;

/// <summary>One line of `exec --json` output (spec exec-mode.md §3).</summary>
public abstract record ExecEvent
{
    /// <summary>The event type (`thread.started`, `item.completed`, ...).</summary>
    [JsonPropertyName("type"), JsonPropertyOrder(-1)]
    public string Type => TypeName;

    /// <summary>The discriminator value of the concrete type.</summary>
    protected abstract string TypeName { get; }
}

/// <summary>First line: the thread id.</summary>
public sealed record ThreadStartedEvent(
    [property: JsonPropertyName("thread_id")] string ThreadId) : ExecEvent
{
    /// <inheritdoc />
    protected override string TypeName => "thread.started";
}

/// <summary>A turn began.</summary>
public sealed record TurnStartedEvent : ExecEvent
{
    /// <inheritdoc />
    protected override string TypeName => "turn.started";
}

/// <summary>Which item lifecycle event an <see cref="ItemEvent"/> is.</summary>
public enum ItemPhase
{
    /// <summary>`item.started`.</summary>
    Started,

    /// <summary>`item.updated`.</summary>
    Updated,

    /// <summary>`item.completed`.</summary>
    Completed,
}

/// <summary>`item.started`, `item.updated` or `item.completed` carrying one item.</summary>
public sealed record ItemEvent(ItemPhase Phase, ExecItem Item) : ExecEvent
{
    /// <inheritdoc />
    protected override string TypeName => Phase switch
    {
        ItemPhase.Started => "item.started",
        ItemPhase.Updated => "item.updated",
        _ => "item.completed",
    };
}

/// <summary>Thread-cumulative token usage reported at turn end.</summary>
public sealed record ExecUsage(
    [property: JsonPropertyName("input_tokens")] long InputTokens,
    [property: JsonPropertyName("cached_input_tokens")] long CachedInputTokens,
    [property: JsonPropertyName("cache_write_input_tokens")] long CacheWriteInputTokens,
    [property: JsonPropertyName("output_tokens")] long OutputTokens,
    [property: JsonPropertyName("reasoning_output_tokens")] long ReasoningOutputTokens)
{
    /// <summary>All zeros.</summary>
    public static ExecUsage Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The blended total shown as `tokens used`: (input - cached) + output.</summary>
    [JsonIgnore]
    public long Blended => InputTokens - CachedInputTokens + OutputTokens;
}

/// <summary>The turn ended normally.</summary>
public sealed record TurnCompletedEvent(
    [property: JsonPropertyName("usage")] ExecUsage Usage) : ExecEvent
{
    /// <inheritdoc />
    protected override string TypeName => "turn.completed";
}

/// <summary>The error object of a failed turn.</summary>
public sealed record ExecError([property: JsonPropertyName("message")] string Message);

/// <summary>The turn ended with a fatal error.</summary>
public sealed record TurnFailedEvent(
    [property: JsonPropertyName("error")] ExecError Error) : ExecEvent
{
    /// <inheritdoc />
    protected override string TypeName => "turn.failed";
}

/// <summary>An error notice (retry notices, the final error of a failed turn).</summary>
public sealed record ErrorEvent(
    [property: JsonPropertyName("message")] string Message) : ExecEvent
{
    /// <inheritdoc />
    protected override string TypeName => "error";
}
