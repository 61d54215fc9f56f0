using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cdx.Protocol.Rollout;

/// <summary>Converts rollout lines and payloads to and from JSON text.</summary>
public static class RolloutJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly RolloutJsonContext Context = new(Options);
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>UTC RFC 3339 with milliseconds and `Z`, as Codex writes timestamps.</summary>
    public static string FormatTimestamp(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Serializes a line (no trailing newline).</summary>
    public static string Serialize(RolloutLine line)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        WriteLine(buffer, line.Timestamp, line.Ordinal, line.Type, w => line.Payload.WriteTo(w));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Writes a line (no trailing newline) as UTF-8, the payload written by <paramref name="writePayload"/>,
    /// so callers holding a typed payload need not build a JSON tree first.
    /// </summary>
    public static void WriteLine(IBufferWriter<byte> buffer, DateTimeOffset timestamp, long? ordinal, string type, Action<Utf8JsonWriter> writePayload)
    {
        ArgumentNullException.ThrowIfNull(writePayload);
        using var w = new Utf8JsonWriter(buffer, WriterOptions);
        w.WriteStartObject();
        w.WriteString("timestamp", FormatTimestamp(timestamp));
        if (ordinal is { } n)
        {
            w.WriteNumber("ordinal", n);
        }
        w.WriteString("type", type);
        w.WritePropertyName("payload");
        writePayload(w);
        w.WriteEndObject();
    }

    /// <summary>Parses a line; null when it is not a JSON object with `type` and `payload`.</summary>
    public static RolloutLine? TryParse(string text)
    {
        try
        {
            if (JsonNode.Parse(text) is not JsonObject o
                || o["type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var type)
                || o["payload"] is not { } payload)
            {
                return null;
            }
            var ts = o["timestamp"] is JsonValue tv && tv.TryGetValue<string>(out var tss)
                && DateTimeOffset.TryParse(tss, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed : DateTimeOffset.MinValue;
            long? ordinal = o["ordinal"] is JsonValue ov && ov.TryGetValue<long>(out var n) ? n : null;
            o.Remove("payload");
            return new RolloutLine { Timestamp = ts, Ordinal = ordinal, Type = type, Payload = payload };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The `session_meta` payload as JSON (meta fields plus sibling `git`).</summary>
    public static JsonNode ToNode(SessionMeta meta) => JsonSerializer.SerializeToNode(meta, Context.SessionMeta)!;

    /// <summary>Reads a `session_meta` payload; null when required fields are missing.</summary>
    public static SessionMeta? ReadSessionMeta(JsonNode payload)
    {
        try
        {
            return payload.Deserialize(Context.SessionMeta);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The `turn_context` payload as JSON.</summary>
    public static JsonNode ToNode(TurnContextRecord record) => JsonSerializer.SerializeToNode(record, Context.TurnContextRecord)!;

    /// <summary>The `compacted` payload as JSON.</summary>
    public static JsonNode ToNode(CompactedRecord record) => JsonSerializer.SerializeToNode(record, Context.CompactedRecord)!;

    /// <summary>Reads a `compacted` payload.</summary>
    public static CompactedRecord? ReadCompacted(JsonNode payload)
    {
        try
        {
            return payload.Deserialize(Context.CompactedRecord);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An `event_msg` payload as JSON.</summary>
    public static JsonNode ToNode(EventMessage e) => e switch
    {
        UserMessageEvent x => JsonSerializer.SerializeToNode(x, Context.UserMessageEvent)!,
        AgentMessageEvent x => JsonSerializer.SerializeToNode(x, Context.AgentMessageEvent)!,
        AgentReasoningEvent x => JsonSerializer.SerializeToNode(x, Context.AgentReasoningEvent)!,
        TurnAbortedEvent x => JsonSerializer.SerializeToNode(x, Context.TurnAbortedEvent)!,
        TaskStartedEvent x => JsonSerializer.SerializeToNode(x, Context.TaskStartedEvent)!,
        TaskCompleteEvent x => JsonSerializer.SerializeToNode(x, Context.TaskCompleteEvent)!,
        TokenCountEvent x => JsonSerializer.SerializeToNode(x, Context.TokenCountEvent)!,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "unknown event message"),
    };

    /// <summary>Reads a token usage object (`total_token_usage`), tolerating missing fields.</summary>
    public static RolloutTokenUsage? ReadTokenUsage(JsonNode? node)
    {
        if (node is not JsonObject o)
        {
            return null;
        }
        long Get(string k) => o[k] is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
        return new RolloutTokenUsage(Get("input_tokens"), Get("cached_input_tokens"), Get("cache_write_input_tokens"),
            Get("output_tokens"), Get("reasoning_output_tokens"), Get("total_tokens"));
    }
}
