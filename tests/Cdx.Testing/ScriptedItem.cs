using System.Text.Json.Nodes;

namespace Cdx.Testing;

/// <summary>Builders for output items in the Responses wire shape, for scripting turns.</summary>
public static class ScriptedItem
{
    /// <summary>An assistant message with one output_text part.</summary>
    public static JsonObject Message(string text, string? id = null) => WithId(id, new JsonObject
    {
        ["type"] = "message",
        ["role"] = "assistant",
        ["content"] = new JsonArray(new JsonObject { ["type"] = "output_text", ["text"] = text }),
    });

    /// <summary>A function call; <paramref name="arguments"/> is the JSON text of the arguments.</summary>
    public static JsonObject FunctionCall(string name, string arguments, string callId, string? id = null) => WithId(id, new JsonObject
    {
        ["type"] = "function_call",
        ["name"] = name,
        ["arguments"] = arguments,
        ["call_id"] = callId,
    });

    /// <summary>A freeform tool call (e.g. apply_patch with the patch as input).</summary>
    public static JsonObject CustomToolCall(string name, string input, string callId, string? id = null) => WithId(id, new JsonObject
    {
        ["type"] = "custom_tool_call",
        ["status"] = "completed",
        ["call_id"] = callId,
        ["name"] = name,
        ["input"] = input,
    });

    /// <summary>A reasoning item with one summary part and optional encrypted content.</summary>
    public static JsonObject Reasoning(string summary, string? encryptedContent = null, string? id = null) => WithId(id, new JsonObject
    {
        ["type"] = "reasoning",
        ["summary"] = new JsonArray(new JsonObject { ["type"] = "summary_text", ["text"] = summary }),
        ["content"] = null,
        ["encrypted_content"] = encryptedContent,
    });

    private static JsonObject WithId(string? id, JsonObject item)
    {
        if (id is null)
        {
            return item;
        }
        // `id` goes right after `type`, as the real server orders it.
        var ordered = new JsonObject { ["type"] = item["type"]!.DeepClone(), ["id"] = id };
        foreach (var (key, value) in item)
        {
            if (key != "type")
            {
                ordered[key] = value?.DeepClone();
            }
        }
        return ordered;
    }
}
