using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Cdx.Testing;

public sealed partial class ScriptedModelServer
{
    // Plays one turn as a Responses API event stream, in the order the real API sends events.
    private static async Task PlayResponsesAsync(ScriptedTurn turn, int number, NetworkStream stream, CancellationToken ct)
    {
        var responseId = turn.ResponseId ?? $"resp_{number}";
        var sequence = 0;
        async Task Send(string type, JsonObject payload)
        {
            var data = new JsonObject { ["type"] = type, ["sequence_number"] = sequence++ };
            foreach (var (key, value) in payload)
            {
                data[key] = value?.DeepClone();
            }
            await WriteChunkAsync(stream, $"event: {type}\ndata: {data.ToJsonString()}\n\n", ct);
        }

        await Send("response.created", new JsonObject { ["response"] = new JsonObject { ["id"] = responseId, ["status"] = "in_progress" } });
        var limit = Math.Min(turn.Items.Count, turn.CutAfterItems ?? turn.StallAfterItems ?? int.MaxValue);
        for (var i = 0; i < limit; i++)
        {
            await Send("response.output_item.added", new JsonObject { ["output_index"] = i, ["item"] = turn.Items[i].DeepClone() });
            if (turn.StreamDeltas)
            {
                await SendDeltasAsync(turn.Items[i], i, Send);
            }
            await Send("response.output_item.done", new JsonObject { ["output_index"] = i, ["item"] = turn.Items[i].DeepClone() });
        }
        if (turn.CutAfterItems is not null)
        {
            if (limit < turn.Items.Count)
            {
                // Start the next item so the cut lands mid-item.
                await Send("response.output_item.added", new JsonObject { ["output_index"] = limit, ["item"] = turn.Items[limit].DeepClone() });
                await SendDeltasAsync(turn.Items[limit], limit, Send);
            }
            await EndChunksAsync(stream, ct);
            return;
        }
        if (turn.StallAfterItems is not null)
        {
            await StallAsync(stream, ct);
            return;
        }
        await Send(FinalEventType(turn), FinalPayload(turn, responseId));
        await EndChunksAsync(stream, ct);
    }

    private static string FinalEventType(ScriptedTurn turn) =>
        turn.FailedError is not null ? "response.failed"
        : turn.IncompleteReason is not null ? "response.incomplete"
        : "response.completed";

    private static JsonObject FinalPayload(ScriptedTurn turn, string responseId)
    {
        var response = new JsonObject { ["id"] = responseId };
        if (turn.FailedError is { } error)
        {
            response["status"] = "failed";
            response["error"] = error.DeepClone();
        }
        else if (turn.IncompleteReason is { } reason)
        {
            response["status"] = "incomplete";
            response["incomplete_details"] = new JsonObject { ["reason"] = reason };
        }
        else
        {
            response["status"] = "completed";
            response["output"] = new JsonArray(turn.Items.Select(static i => (JsonNode)i.DeepClone()).ToArray());
            if (turn.Usage is { } usage)
            {
                response["usage"] = usage.DeepClone();
            }
        }
        return new JsonObject { ["response"] = response };
    }

    private static async Task SendDeltasAsync(JsonObject item, int index, Func<string, JsonObject, Task> send)
    {
        switch (item["type"]?.GetValue<string>())
        {
            case "message":
                foreach (var part in item["content"] as JsonArray ?? [])
                {
                    if (part?["text"]?.GetValue<string>() is { } text)
                    {
                        await send("response.output_text.delta", new JsonObject { ["output_index"] = index, ["delta"] = text });
                    }
                }
                break;
            case "reasoning":
                var summaryIndex = 0;
                foreach (var part in item["summary"] as JsonArray ?? [])
                {
                    await send("response.reasoning_summary_part.added", new JsonObject { ["output_index"] = index, ["summary_index"] = summaryIndex });
                    await send("response.reasoning_summary_text.delta", new JsonObject
                    {
                        ["output_index"] = index, ["summary_index"] = summaryIndex, ["delta"] = part?["text"]?.GetValue<string>() ?? string.Empty,
                    });
                    summaryIndex++;
                }
                break;
            case "function_call":
                await send("response.function_call_arguments.delta", new JsonObject
                {
                    ["output_index"] = index, ["delta"] = item["arguments"]?.GetValue<string>() ?? string.Empty,
                });
                break;
            case "custom_tool_call":
                await send("response.custom_tool_call_input.delta", new JsonObject
                {
                    ["output_index"] = index, ["delta"] = item["input"]?.GetValue<string>() ?? string.Empty,
                });
                break;
        }
    }
}
