using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cdx.Protocol.Exec;

/// <summary>Writes `exec --json` events as single JSON lines with Codex's field order.</summary>
public static class ExecJson
{
    // Codex (serde_json) escapes only what JSON requires; match it so output is byte-comparable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly ExecJsonContext Context = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Serializes one event to a JSON line (no trailing newline).</summary>
    public static string Serialize(ExecEvent e)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(w, e);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes one event object.</summary>
    public static void Write(Utf8JsonWriter w, ExecEvent e)
    {
        switch (e)
        {
            case ThreadStartedEvent t: JsonSerializer.Serialize(w, t, Context.ThreadStartedEvent); break;
            case TurnStartedEvent t: JsonSerializer.Serialize(w, t, Context.TurnStartedEvent); break;
            case TurnCompletedEvent t: JsonSerializer.Serialize(w, t, Context.TurnCompletedEvent); break;
            case TurnFailedEvent t: JsonSerializer.Serialize(w, t, Context.TurnFailedEvent); break;
            case ErrorEvent t: JsonSerializer.Serialize(w, t, Context.ErrorEvent); break;
            case ItemEvent i:
                w.WriteStartObject();
                w.WriteString("type", i.Type);
                w.WritePropertyName("item");
                WriteItem(w, i.Item);
                w.WriteEndObject();
                break;
            default: throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "unknown exec event");
        }
    }

    /// <summary>Writes one item object (`id`, `type`, then its fields).</summary>
    public static void WriteItem(Utf8JsonWriter w, ExecItem item)
    {
        switch (item)
        {
            case ExecAgentMessage x: JsonSerializer.Serialize(w, x, Context.ExecAgentMessage); break;
            case ExecReasoning x: JsonSerializer.Serialize(w, x, Context.ExecReasoning); break;
            case ExecCommandExecution x: JsonSerializer.Serialize(w, x, Context.ExecCommandExecution); break;
            case ExecFileChange x: JsonSerializer.Serialize(w, x, Context.ExecFileChange); break;
            case ExecWebSearch x: JsonSerializer.Serialize(w, x, Context.ExecWebSearch); break;
            case ExecTodoList x: JsonSerializer.Serialize(w, x, Context.ExecTodoList); break;
            case ExecErrorItem x: JsonSerializer.Serialize(w, x, Context.ExecErrorItem); break;
            default: throw new ArgumentOutOfRangeException(nameof(item), item.GetType().Name, "unknown exec item");
        }
    }
}
