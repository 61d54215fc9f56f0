using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cdx.Protocol.Items;

namespace Cdx.Models;

/// <summary>Maps a Responses-shaped request to a Chat Completions body (spec §6).</summary>
internal static class ChatRequestWriter
{
    public static byte[] Write(ModelRequest request)
    {
        var body = new JsonObject
        {
            ["model"] = request.Model,
            ["messages"] = ChatMessageMapper.Map(request.Instructions, request.Input),
            ["stream"] = true,
        };
        var tools = new JsonArray(request.Tools.Select(ToChatTool).OfType<JsonNode>().ToArray());
        // An empty tools array is rejected by several OpenAI-compatible servers, so it is left out.
        if (tools.Count > 0)
        {
            body["tools"] = tools;
        }
        var buffer = new ArrayBufferWriter<byte>(16384);
        using (var w = new Utf8JsonWriter(buffer, ResponseItemJson.WriterOptions))
        {
            body.WriteTo(w);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Responses function tool → chat `{"type":"function","function":{name,description,parameters}}`; others are not expressible.</summary>
    public static JsonObject? ToChatTool(JsonObject tool)
    {
        if (tool["type"]?.GetValue<string>() != "function" || tool["name"] is null)
        {
            return null;
        }
        var function = new JsonObject { ["name"] = tool["name"]!.DeepClone() };
        if (tool["description"] is { } description)
        {
            function["description"] = description.DeepClone();
        }
        function["parameters"] = tool["parameters"]?.DeepClone() ?? new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() };
        return new JsonObject { ["type"] = "function", ["function"] = function };
    }
}
