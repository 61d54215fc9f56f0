using System.Text.Json.Nodes;

namespace Cdx.Testing;

/// <summary>
/// What the scripted model server answers to one model request: a stream of output items, or a failure
/// (HTTP status, `response.failed`, a stream cut after N items, or a stall that trips the idle timeout).
/// </summary>
public sealed record ScriptedTurn
{
    /// <summary>The output items (Responses wire shape) sent as `response.output_item.done`, in order.</summary>
    public IReadOnlyList<JsonObject> Items { get; init; } = [];

    /// <summary>The `usage` object of `response.completed`; omitted when null.</summary>
    public JsonObject? Usage { get; init; }

    /// <summary>The response id in `response.completed`; default `resp_&lt;request number&gt;`.</summary>
    public string? ResponseId { get; init; }

    /// <summary>Extra response headers (rate limits, `retry-after`, …), sent with success and failure alike.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>When set, the request is answered with this HTTP status and <see cref="Body"/> instead of a stream.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>The body of an HTTP failure.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>When set, the stream ends with `response.failed` carrying this `error` object after the items.</summary>
    public JsonObject? FailedError { get; init; }

    /// <summary>When set, the stream ends with `response.incomplete` with this reason after the items.</summary>
    public string? IncompleteReason { get; init; }

    /// <summary>When set, only this many items are completed; the next one is started, then the stream ends without `response.completed`.</summary>
    public int? CutAfterItems { get; init; }

    /// <summary>When set, this many items are completed and then the server sends nothing until the client gives up.</summary>
    public int? StallAfterItems { get; init; }

    /// <summary>Whether text deltas (`output_text.delta`, reasoning summary deltas) precede each item's `done`.</summary>
    public bool StreamDeltas { get; init; } = true;

    /// <summary>A normal answer made of these items.</summary>
    public static ScriptedTurn Reply(params JsonObject[] items) => new() { Items = items };

    /// <summary>A normal answer made of these items given as JSON text.</summary>
    public static ScriptedTurn Reply(params string[] itemsJson) =>
        new() { Items = itemsJson.Select(static j => JsonNode.Parse(j)!.AsObject()).ToList() };

    /// <summary>A normal answer with one assistant message.</summary>
    public static ScriptedTurn Text(string text) => Reply(ScriptedItem.Message(text));

    /// <summary>An HTTP failure: status, body and headers such as (`retry-after`, `1`).</summary>
    public static ScriptedTurn Http(int status, string body = "", params (string Name, string Value)[] headers) => new()
    {
        HttpStatus = status,
        Body = body,
        Headers = headers.ToDictionary(static h => h.Name, static h => h.Value, StringComparer.OrdinalIgnoreCase),
    };

    /// <summary>A stream that ends with `response.failed` (`error.code`, `error.message`).</summary>
    public static ScriptedTurn ResponseFailed(string code, string message, params JsonObject[] itemsBefore) => new()
    {
        Items = itemsBefore,
        FailedError = new JsonObject { ["code"] = code, ["message"] = message, ["type"] = "server_error" },
    };

    /// <summary>A stream that completes <paramref name="afterItems"/> items, starts the next, then closes without `response.completed`.</summary>
    public static ScriptedTurn Cut(int afterItems, params JsonObject[] items) => new() { Items = items, CutAfterItems = afterItems };

    /// <summary>A stream that completes <paramref name="afterItems"/> items and then goes silent.</summary>
    public static ScriptedTurn Stall(int afterItems, params JsonObject[] items) => new() { Items = items, StallAfterItems = afterItems };

    /// <summary>This turn with a Responses-style `usage` object built from the given counts.</summary>
    public ScriptedTurn WithUsage(long input, long cached, long output, long reasoning) => this with
    {
        Usage = new JsonObject
        {
            ["input_tokens"] = input,
            ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = cached },
            ["output_tokens"] = output,
            ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = reasoning },
            ["total_tokens"] = input + output,
        },
    };

    /// <summary>This turn with an extra response header.</summary>
    public ScriptedTurn WithHeader(string name, string value) => this with
    {
        Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value },
    };
}
