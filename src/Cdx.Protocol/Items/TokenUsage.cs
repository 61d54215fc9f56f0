using System.Text.Json.Serialization;

namespace Cdx.Protocol.Items;

/// <summary>Token counts of one model response (or a running total), as Codex reports them.</summary>
public sealed record TokenUsage(
    [property: JsonPropertyName("input_tokens")] long InputTokens,
    [property: JsonPropertyName("cached_input_tokens")] long CachedInputTokens,
    [property: JsonPropertyName("cache_write_input_tokens")] long CacheWriteInputTokens,
    [property: JsonPropertyName("output_tokens")] long OutputTokens,
    [property: JsonPropertyName("reasoning_output_tokens")] long ReasoningOutputTokens,
    [property: JsonPropertyName("total_tokens")] long TotalTokens)
{
    /// <summary>All counts zero.</summary>
    public static TokenUsage Zero { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Field-wise sum, for cumulative usage.</summary>
    public static TokenUsage operator +(TokenUsage a, TokenUsage b) => new(
        a.InputTokens + b.InputTokens,
        a.CachedInputTokens + b.CachedInputTokens,
        a.CacheWriteInputTokens + b.CacheWriteInputTokens,
        a.OutputTokens + b.OutputTokens,
        a.ReasoningOutputTokens + b.ReasoningOutputTokens,
        a.TotalTokens + b.TotalTokens);
}
