using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cdx.Protocol.Items;

public static partial class ResponseItemJson
{
    // Types Codex knows but cdx only carries along; resent byte-for-byte as received.
    private static readonly HashSet<string> OpaqueTypes = new(StringComparer.Ordinal)
    {
        "compaction", "compaction_summary", "image_generation_call", "tool_search_call", "tool_search_output",
        "additional_tools",
    };

    /// <summary>Reads one item; returns null for unknown or malformed items, which Codex drops (spec §3).</summary>
    public static ResponseItem? Read(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || GetString(e, "type") is not { } type)
        {
            return null;
        }
        var id = GetString(e, "id");
        ResponseItem? item = type switch
        {
            "message" => ReadMessage(e),
            "reasoning" => ReadReasoning(e),
            "function_call" => ReadFunctionCall(e),
            "function_call_output" => GetString(e, "call_id") is { } callId
                ? new FunctionCallOutputItem { CallId = callId, Output = ReadOutput(Prop(e, "output")) }
                : null,
            "custom_tool_call" => ReadCustomToolCall(e),
            "custom_tool_call_output" => ReadCustomToolCallOutput(e),
            "local_shell_call" => ReadLocalShellCall(e),
            "web_search_call" => new WebSearchCallItem
            {
                Status = GetString(e, "status"),
                Action = Prop(e, "action") is { ValueKind: JsonValueKind.Object } a ? a.Clone() : null,
            },
            _ when OpaqueTypes.Contains(type) => new OpaqueItem { Raw = JsonNode.Parse(e.GetRawText())!.AsObject() },
            _ => null,
        };
        return item is null ? null : item with { Id = id };
    }

    /// <summary>Reads every known item of a JSON array, dropping unknown ones.</summary>
    public static IReadOnlyList<ResponseItem> ReadArray(JsonElement array)
    {
        var list = new List<ResponseItem>();
        if (array.ValueKind != JsonValueKind.Array)
        {
            return list;
        }
        foreach (var element in array.EnumerateArray())
        {
            if (Read(element) is { } item)
            {
                list.Add(item);
            }
        }
        return list;
    }

    /// <summary>Parses one item from JSON text; null for unknown types.</summary>
    public static ResponseItem? Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Read(doc.RootElement);
    }

    private static MessageItem? ReadMessage(JsonElement e)
    {
        if (GetString(e, "role") is not { } role)
        {
            return null;
        }
        var content = Prop(e, "content");
        IReadOnlyList<ContentItem> parts = content.ValueKind == JsonValueKind.String
            ? [role == "assistant" ? new OutputTextContent(content.GetString()!) : new InputTextContent(content.GetString()!)]
            : ReadContentArray(content);
        return new MessageItem { Role = role, Content = parts, Phase = GetString(e, "phase") };
    }

    private static ReasoningItem ReadReasoning(JsonElement e)
    {
        var summary = new List<string>();
        if (Prop(e, "summary") is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var part in array.EnumerateArray())
            {
                if (part.ValueKind == JsonValueKind.Object && GetString(part, "text") is { } text)
                {
                    summary.Add(text);
                }
            }
        }
        var content = Prop(e, "content");
        return new ReasoningItem
        {
            Summary = summary,
            Content = content.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : content.Clone(),
            EncryptedContent = GetString(e, "encrypted_content"),
        };
    }

    private static FunctionCallItem? ReadFunctionCall(JsonElement e)
    {
        if (GetString(e, "name") is not { } name || GetString(e, "call_id") is not { } callId)
        {
            return null;
        }
        var args = Prop(e, "arguments");
        // Some servers send the arguments as an object instead of a JSON string; keep them as text either way.
        var arguments = args.ValueKind switch
        {
            JsonValueKind.String => args.GetString()!,
            JsonValueKind.Undefined or JsonValueKind.Null => string.Empty,
            _ => args.GetRawText(),
        };
        return new FunctionCallItem { Name = name, Arguments = arguments, CallId = callId };
    }

    private static CustomToolCallItem? ReadCustomToolCall(JsonElement e)
    {
        if (GetString(e, "name") is not { } name || GetString(e, "call_id") is not { } callId)
        {
            return null;
        }
        return new CustomToolCallItem
        {
            CallId = callId, Name = name, Input = GetString(e, "input") ?? string.Empty, Status = GetString(e, "status"),
        };
    }

    private static CustomToolCallOutputItem? ReadCustomToolCallOutput(JsonElement e)
    {
        if (GetString(e, "call_id") is not { } callId)
        {
            return null;
        }
        var output = ReadOutput(Prop(e, "output"));
        return new CustomToolCallOutputItem { CallId = callId, Output = output.AsText, OutputContent = output.Content };
    }

    private static LocalShellCallItem? ReadLocalShellCall(JsonElement e)
    {
        if (Prop(e, "action") is not { ValueKind: JsonValueKind.Object } action)
        {
            return null;
        }
        var command = Prop(action, "command") is { ValueKind: JsonValueKind.Array } argv
            ? argv.EnumerateArray().Where(static a => a.ValueKind == JsonValueKind.String).Select(static a => a.GetString()!).ToList()
            : [];
        Dictionary<string, string>? env = null;
        if (Prop(action, "env") is { ValueKind: JsonValueKind.Object } envObj)
        {
            env = envObj.EnumerateObject().Where(static p => p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(static p => p.Name, static p => p.Value.GetString()!, StringComparer.Ordinal);
        }
        return new LocalShellCallItem
        {
            CallId = GetString(e, "call_id"),
            Status = GetString(e, "status") ?? "completed",
            Action = new LocalShellAction
            {
                Command = command,
                TimeoutMs = Prop(action, "timeout_ms") is { ValueKind: JsonValueKind.Number } t && t.TryGetInt64(out var ms) ? ms : null,
                WorkingDirectory = GetString(action, "working_directory"),
                Env = env,
                User = GetString(action, "user"),
            },
        };
    }

    private static JsonElement Prop(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) ? v : default;
}
