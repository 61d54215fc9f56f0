using System.Buffers;
using System.Text.Json;
using Cdx.Protocol.Items;

namespace Cdx.Models;

/// <summary>Writes the Responses API request body with the field order Codex 0.169 sends (spec §2).</summary>
internal static class ResponsesRequestWriter
{
    public static byte[] Write(ModelRequest request, ProviderInfo provider)
    {
        var buffer = new ArrayBufferWriter<byte>(16384);
        using (var w = new Utf8JsonWriter(buffer, ResponseItemJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("model", request.Model);
            if (request.Instructions is not null)
            {
                w.WriteString("instructions", request.Instructions);
            }
            w.WriteBoolean("stream", true);
            w.WritePropertyName("input");
            ResponseItemJson.WriteArray(w, request.Input);
            w.WriteStartArray("tools");
            foreach (var tool in request.Tools)
            {
                tool.WriteTo(w);
            }
            w.WriteEndArray();
            w.WriteString("tool_choice", "auto");
            w.WriteBoolean("parallel_tool_calls", request.ParallelToolCalls);
            if (request.Reasoning is not null)
            {
                w.WritePropertyName("reasoning");
                request.Reasoning.WriteTo(w);
            }
            // Azure rejects stateless chains, so it gets store:true (spec §1 Azure).
            w.WriteBoolean("store", provider.IsAzure);
            w.WriteStartArray("include");
            if (request.Reasoning is not null)
            {
                w.WriteStringValue("reasoning.encrypted_content");
            }
            w.WriteEndArray();
            w.WriteString("prompt_cache_key", request.ThreadId);
            if (request.ServiceTier is not null)
            {
                w.WriteString("service_tier", request.ServiceTier);
            }
            if (request.Text is not null)
            {
                w.WritePropertyName("text");
                request.Text.WriteTo(w);
            }
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
