using System.Text.Json;
using Cdx.Protocol.Items;

namespace Cdx.Models;

/// <summary>Reads Responses API SSE events (spec §4); `output_item.done` is the only source of items.</summary>
internal sealed class ResponsesEventReader : IStreamEventReader
{
    public bool IsComplete { get; private set; }

    public IEnumerable<ModelEvent> Handle(string data)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(data);
        }
        catch (JsonException)
        {
            return []; // unparseable data lines are skipped, as Codex does
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Str(root, "type") is not { } type)
            {
                return [];
            }
            return Dispatch(type, root);
        }
    }

    public IEnumerable<ModelEvent> Finish() => [];

    private List<ModelEvent> Dispatch(string type, JsonElement root)
    {
        switch (type)
        {
            case "response.output_item.added":
                return ResponseItemJson.Read(Prop(root, "item")) is { } added ? [new OutputItemAdded(added)] : [];
            case "response.output_item.done":
                return ResponseItemJson.Read(Prop(root, "item")) is { } done ? [new OutputItemDone(done)] : [];
            case "response.output_text.delta":
                return Str(root, "delta") is { } text ? [new OutputTextDelta(text)] : [];
            case "response.reasoning_summary_text.delta":
                return Str(root, "delta") is { } summary
                    ? [new ReasoningSummaryDelta(summary, Prop(root, "summary_index") is { ValueKind: JsonValueKind.Number } i ? i.GetInt32() : 0)]
                    : [];
            case "response.reasoning_text.delta":
                return Str(root, "delta") is { } raw ? [new ReasoningContentDelta(raw)] : [];
            case "response.completed":
                return [Complete(Prop(root, "response"))];
            case "response.failed":
                throw Failed(Prop(Prop(root, "response"), "error"));
            case "response.incomplete":
                var reason = Str(Prop(Prop(root, "response"), "incomplete_details"), "reason") ?? "unknown";
                throw new ModelAttemptException($"Incomplete response returned, reason: {reason}", retryable: true);
            case "codex.rate_limits":
                return RateLimitsFromEvent(root) is { } snapshot ? [new RateLimitsUpdated(snapshot)] : [];
            default:
                return [];
        }
    }

    private Completed Complete(JsonElement response)
    {
        if (Str(response, "id") is not { } id)
        {
            throw new ModelAttemptException(
                ModelErrorText.StreamDisconnectedPrefix + "failed to parse ResponseCompleted: missing field `id`", retryable: true);
        }
        IsComplete = true;
        return new Completed(id, ReadUsage(Prop(response, "usage")));
    }

    /// <summary>Maps a Responses `usage` object to TokenUsage; null when absent.</summary>
    public static TokenUsage? ReadUsage(JsonElement usage)
    {
        if (usage.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var input = Long(usage, "input_tokens");
        var output = Long(usage, "output_tokens");
        var cacheWrite = Long(usage, "cache_write_input_tokens");
        if (cacheWrite == 0)
        {
            cacheWrite = Long(Prop(usage, "input_tokens_details"), "cache_write_tokens");
        }
        return new TokenUsage(
            input,
            Long(Prop(usage, "input_tokens_details"), "cached_tokens"),
            cacheWrite,
            output,
            Long(Prop(usage, "output_tokens_details"), "reasoning_tokens"),
            usage.TryGetProperty("total_tokens", out _) ? Long(usage, "total_tokens") : input + output);
    }

    private static ModelAttemptException Failed(JsonElement error)
    {
        var code = Str(error, "code");
        var message = Str(error, "message") ?? "response.failed event received";
        return code switch
        {
            "context_length_exceeded" => new ModelAttemptException(ModelErrorText.ContextWindowExceeded, retryable: false),
            "insufficient_quota" => new ModelAttemptException(ModelErrorText.QuotaExceeded, retryable: false),
            "usage_not_included" => new ModelAttemptException(ModelErrorText.UsageNotIncluded, retryable: false),
            "invalid_prompt" => new ModelAttemptException(message, retryable: false),
            _ => new ModelAttemptException(ModelErrorText.StreamDisconnectedPrefix + message, retryable: true, RetryTiming.FromText(message)),
        };
    }

    private static RateLimitSnapshot? RateLimitsFromEvent(JsonElement root)
    {
        var limits = Prop(root, "rate_limits");
        static RateLimitWindow? Window(JsonElement w) => w.ValueKind == JsonValueKind.Object
            ? new RateLimitWindow(
                Prop(w, "used_percent") is { ValueKind: JsonValueKind.Number } u ? u.GetDouble() : 0,
                Prop(w, "window_minutes") is { ValueKind: JsonValueKind.Number } m ? m.GetInt64() : null,
                Prop(w, "reset_at") is { ValueKind: JsonValueKind.Number } r ? r.GetInt64() : null)
            : null;
        var credits = Prop(root, "credits");
        var snapshot = new RateLimitSnapshot
        {
            Primary = Window(Prop(limits, "primary")),
            Secondary = Window(Prop(limits, "secondary")),
            Credits = credits.ValueKind == JsonValueKind.Object
                ? new RateLimitCredits(
                    Prop(credits, "has_credits").ValueKind == JsonValueKind.True,
                    Prop(credits, "unlimited").ValueKind == JsonValueKind.True,
                    Prop(credits, "balance") is { ValueKind: JsonValueKind.String } b ? b.GetString() : null)
                : null,
        };
        return snapshot.Primary is null && snapshot.Secondary is null && snapshot.Credits is null ? null : snapshot;
    }

    internal static JsonElement Prop(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) ? v : default;

    internal static string? Str(JsonElement obj, string name) =>
        Prop(obj, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static long Long(JsonElement obj, string name) =>
        Prop(obj, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var n) ? n : 0;
}
