using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cdx.Protocol.Items;

/// <summary>
/// Reads and writes ResponseItems in the Responses API wire shape, with the field order Codex 0.169 sends
/// (`type`, `id`, then the item's fields). Used for request bodies and rollout lines alike.
/// </summary>
public static partial class ResponseItemJson
{
    /// <summary>Writes one item as a JSON object.</summary>
    public static void Write(Utf8JsonWriter w, ResponseItem item)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(item);
        if (item is OpaqueItem opaque)
        {
            opaque.Raw.WriteTo(w);
            return;
        }
        w.WriteStartObject();
        w.WriteString("type", TypeOf(item));
        if (item.Id is not null)
        {
            w.WriteString("id", item.Id);
        }
        switch (item)
        {
            case MessageItem m:
                WriteMessageBody(w, m);
                break;
            case ReasoningItem r:
                WriteReasoningBody(w, r);
                break;
            case FunctionCallItem f:
                w.WriteString("name", f.Name);
                w.WriteString("arguments", f.Arguments);
                w.WriteString("call_id", f.CallId);
                break;
            case FunctionCallOutputItem o:
                w.WriteString("call_id", o.CallId);
                w.WritePropertyName("output");
                WriteOutput(w, o.Output);
                break;
            case CustomToolCallItem c:
                WriteStringIfNotNull(w, "status", c.Status);
                w.WriteString("call_id", c.CallId);
                w.WriteString("name", c.Name);
                w.WriteString("input", c.Input);
                break;
            case CustomToolCallOutputItem co:
                w.WriteString("call_id", co.CallId);
                w.WritePropertyName("output");
                WriteOutput(w, new ToolOutputPayload { Text = co.Output, Content = co.OutputContent });
                break;
            case LocalShellCallItem ls:
                WriteLocalShellBody(w, ls);
                break;
            case WebSearchCallItem ws:
                WriteStringIfNotNull(w, "status", ws.Status);
                if (ws.Action is { } action)
                {
                    w.WritePropertyName("action");
                    action.WriteTo(w);
                }
                break;
            default:
                throw new ArgumentException($"unsupported item kind {item.GetType().Name}", nameof(item));
        }
        w.WriteEndObject();
    }

    /// <summary>Writes the items as a JSON array.</summary>
    public static void WriteArray(Utf8JsonWriter w, IEnumerable<ResponseItem> items)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartArray();
        foreach (var item in items)
        {
            Write(w, item);
        }
        w.WriteEndArray();
    }

    /// <summary>The item as a JSON object node (same shape and order as Write).</summary>
    public static JsonObject ToJson(ResponseItem item) =>
        JsonNode.Parse(ToJsonString(item))!.AsObject();

    /// <summary>The item as compact JSON text.</summary>
    public static string ToJsonString(ResponseItem item)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(w, item);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The wire `type` of an item.</summary>
    public static string TypeOf(ResponseItem item) => item switch
    {
        MessageItem => "message",
        ReasoningItem => "reasoning",
        FunctionCallItem => "function_call",
        FunctionCallOutputItem => "function_call_output",
        CustomToolCallItem => "custom_tool_call",
        CustomToolCallOutputItem => "custom_tool_call_output",
        LocalShellCallItem => "local_shell_call",
        WebSearchCallItem => "web_search_call",
        OpaqueItem o => o.Type,
        _ => throw new ArgumentException($"unsupported item kind {item.GetType().Name}", nameof(item)),
    };

    /// <summary>Writer options matching Codex's compact JSON: no indentation, non-ASCII kept as is.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    private static void WriteMessageBody(Utf8JsonWriter w, MessageItem m)
    {
        w.WriteString("role", m.Role);
        w.WritePropertyName("content");
        WriteContentArray(w, m.Content);
        WriteStringIfNotNull(w, "phase", m.Phase);
    }

    private static void WriteReasoningBody(Utf8JsonWriter w, ReasoningItem r)
    {
        w.WritePropertyName("summary");
        w.WriteStartArray();
        foreach (var text in r.Summary)
        {
            w.WriteStartObject();
            w.WriteString("type", "summary_text");
            w.WriteString("text", text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("content");
        if (r.Content is { } content)
        {
            content.WriteTo(w);
        }
        else
        {
            w.WriteNullValue();
        }
        if (r.EncryptedContent is null)
        {
            w.WriteNull("encrypted_content");
        }
        else
        {
            w.WriteString("encrypted_content", r.EncryptedContent);
        }
    }

    private static void WriteLocalShellBody(Utf8JsonWriter w, LocalShellCallItem ls)
    {
        WriteStringOrNull(w, "call_id", ls.CallId);
        w.WriteString("status", ls.Status);
        w.WriteStartObject("action");
        w.WriteString("type", "exec");
        w.WriteStartArray("command");
        foreach (var arg in ls.Action.Command)
        {
            w.WriteStringValue(arg);
        }
        w.WriteEndArray();
        if (ls.Action.TimeoutMs is { } timeout)
        {
            w.WriteNumber("timeout_ms", timeout);
        }
        else
        {
            w.WriteNull("timeout_ms");
        }
        WriteStringOrNull(w, "working_directory", ls.Action.WorkingDirectory);
        if (ls.Action.Env is { } env)
        {
            w.WriteStartObject("env");
            foreach (var (key, value) in env)
            {
                w.WriteString(key, value);
            }
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("env");
        }
        WriteStringOrNull(w, "user", ls.Action.User);
        w.WriteEndObject();
    }

    private static void WriteStringIfNotNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
