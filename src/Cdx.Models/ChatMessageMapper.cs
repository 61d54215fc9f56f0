using System.Text.Json.Nodes;
using Cdx.Protocol.Items;

namespace Cdx.Models;

/// <summary>History items → chat `messages` (spec §6 table).</summary>
internal static class ChatMessageMapper
{
    public static JsonArray Map(string? instructions, IReadOnlyList<ResponseItem> input)
    {
        var messages = new List<JsonObject>();
        if (!string.IsNullOrEmpty(instructions))
        {
            messages.Add(new JsonObject { ["role"] = "system", ["content"] = instructions });
        }
        var lastUser = LastIndex(input, static i => i is MessageItem { Role: "user" });
        string? pendingReasoning = null;
        string? lastAssistantText = null;
        for (var index = 0; index < input.Count; index++)
        {
            switch (input[index])
            {
                case MessageItem { Role: "assistant" } m:
                    var text = m.Text;
                    if (text == lastAssistantText)
                    {
                        break; // consecutive duplicate assistant texts are skipped, as Codex does
                    }
                    lastAssistantText = text;
                    messages.Add(Attach(new JsonObject { ["role"] = "assistant", ["content"] = text }, ref pendingReasoning));
                    break;
                case MessageItem m:
                    lastAssistantText = null;
                    // Local servers commonly know only system/user/assistant/tool, so developer text goes as system.
                    messages.Add(new JsonObject { ["role"] = m.Role == "developer" ? "system" : m.Role, ["content"] = ContentOf(m.Content) });
                    break;
                case ReasoningItem r when index > lastUser && (r.ContentText ?? JoinSummary(r)) is { Length: > 0 } reasoning:
                    pendingReasoning = (pendingReasoning ?? string.Empty) + reasoning;
                    break;
                case FunctionCallItem f:
                    AddToolCall(messages, new JsonObject
                    {
                        ["id"] = f.CallId, ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = f.Name, ["arguments"] = f.Arguments },
                    }, ref pendingReasoning);
                    break;
                case CustomToolCallItem c:
                    AddToolCall(messages, new JsonObject
                    {
                        ["id"] = c.CallId, ["type"] = "custom", ["custom"] = new JsonObject { ["name"] = c.Name, ["input"] = c.Input },
                    }, ref pendingReasoning);
                    break;
                case LocalShellCallItem ls:
                    var call = ResponseItemJson.ToJson(ls);
                    AddToolCall(messages, new JsonObject
                    {
                        ["id"] = ls.CallId ?? ls.Id, ["type"] = "local_shell_call", ["status"] = ls.Status, ["action"] = call["action"]!.DeepClone(),
                    }, ref pendingReasoning);
                    break;
                case FunctionCallOutputItem o:
                    messages.Add(new JsonObject
                    {
                        ["role"] = "tool", ["tool_call_id"] = o.CallId,
                        ["content"] = o.Output.Content is { } parts ? ContentArray(parts) : o.Output.Text ?? string.Empty,
                    });
                    break;
                case CustomToolCallOutputItem co:
                    messages.Add(new JsonObject { ["role"] = "tool", ["tool_call_id"] = co.CallId, ["content"] = co.Output });
                    break;
            }
        }
        return new JsonArray(messages.Cast<JsonNode>().ToArray());
    }

    // Consecutive tool calls share one assistant message, so every tool result follows the message that asked for it.
    private static void AddToolCall(List<JsonObject> messages, JsonObject toolCall, ref string? pendingReasoning)
    {
        if (messages.Count > 0 && messages[^1] is { } last && last["role"]?.GetValue<string>() == "assistant")
        {
            if (last["tool_calls"] is not JsonArray calls)
            {
                calls = [];
                last["tool_calls"] = calls;
            }
            calls.Add(toolCall);
            Attach(last, ref pendingReasoning);
            return;
        }
        messages.Add(Attach(new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = new JsonArray(toolCall) }, ref pendingReasoning));
    }

    private static JsonObject Attach(JsonObject message, ref string? pendingReasoning)
    {
        if (pendingReasoning is not null)
        {
            message["reasoning"] = pendingReasoning;
            pendingReasoning = null;
        }
        return message;
    }

    private static JsonNode ContentOf(IReadOnlyList<ContentItem> content) =>
        content.Any(static c => c is InputImageContent)
            ? ContentArray(content)
            : JsonValue.Create(ContentItem.JoinText(content));

    private static JsonArray ContentArray(IEnumerable<ContentItem> content) => new(content.Select(static c => (JsonNode)(c switch
    {
        InputImageContent i => new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = i.ImageUrl } },
        _ => new JsonObject { ["type"] = "text", ["text"] = ContentItem.TextOf(c) },
    })).ToArray());

    private static string JoinSummary(ReasoningItem r) => string.Join("\n", r.Summary);

    private static int LastIndex(IReadOnlyList<ResponseItem> items, Func<ResponseItem, bool> predicate)
    {
        for (var i = items.Count - 1; i >= 0; i--)
        {
            if (predicate(items[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
