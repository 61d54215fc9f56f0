using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Cdx.Testing;

public sealed partial class ScriptedModelServer
{
    // Plays one turn as a Chat Completions stream: reasoning and text as deltas, function calls as tool_calls
    // whose later argument fragments carry only the index (as OpenAI-compatible servers stream them).
    private static async Task PlayChatAsync(ScriptedTurn turn, int number, NetworkStream stream, CancellationToken ct)
    {
        var id = turn.ResponseId ?? $"chatcmpl-{number}";
        async Task Send(JsonObject delta, string? finish = null, JsonObject? usage = null)
        {
            var chunk = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion.chunk",
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
            };
            if (usage is not null)
            {
                chunk["usage"] = usage;
            }
            await WriteChunkAsync(stream, $"data: {chunk.ToJsonString()}\n\n", ct);
        }

        var limit = Math.Min(turn.Items.Count, turn.CutAfterItems ?? turn.StallAfterItems ?? int.MaxValue);
        var toolIndex = 0;
        for (var i = 0; i < limit; i++)
        {
            toolIndex += await SendChatItemAsync(turn.Items[i], toolIndex, d => Send(d));
        }
        if (turn.CutAfterItems is not null)
        {
            await EndChunksAsync(stream, ct);
            return;
        }
        if (turn.StallAfterItems is not null)
        {
            await StallAsync(stream, ct);
            return;
        }
        if (turn.FailedError is { } error)
        {
            await WriteChunkAsync(stream, $"data: {new JsonObject { ["error"] = error.DeepClone() }.ToJsonString()}\n\n", ct);
            await EndChunksAsync(stream, ct);
            return;
        }
        var finish = turn.IncompleteReason is not null ? "length" : toolIndex > 0 ? "tool_calls" : "stop";
        await Send(new JsonObject(), finish, ChatUsage(turn.Usage));
        await WriteChunkAsync(stream, "data: [DONE]\n\n", ct);
        await EndChunksAsync(stream, ct);
    }

    private static async Task<int> SendChatItemAsync(JsonObject item, int toolIndex, Func<JsonObject, Task> send)
    {
        switch (item["type"]?.GetValue<string>())
        {
            case "reasoning":
                var summary = string.Concat((item["summary"] as JsonArray ?? []).Select(static p => p?["text"]?.GetValue<string>()));
                await send(new JsonObject { ["reasoning"] = summary });
                return 0;
            case "message":
                var text = string.Concat((item["content"] as JsonArray ?? []).Select(static p => p?["text"]?.GetValue<string>()));
                var half = text.Length / 2;
                await send(new JsonObject { ["role"] = "assistant", ["content"] = text[..half] });
                await send(new JsonObject { ["content"] = text[half..] });
                return 0;
            case "function_call":
                var args = item["arguments"]?.GetValue<string>() ?? string.Empty;
                var split = args.Length / 2;
                await send(new JsonObject
                {
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["index"] = toolIndex,
                        ["id"] = item["call_id"]?.GetValue<string>(),
                        ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = item["name"]?.GetValue<string>(), ["arguments"] = args[..split] },
                    }),
                });
                await send(new JsonObject
                {
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["index"] = toolIndex, ["function"] = new JsonObject { ["arguments"] = args[split..] },
                    }),
                });
                return 1;
            default:
                return 0;
        }
    }

    private static JsonObject? ChatUsage(JsonObject? usage)
    {
        if (usage is null)
        {
            return null;
        }
        var input = usage["input_tokens"]?.GetValue<long>() ?? 0;
        var output = usage["output_tokens"]?.GetValue<long>() ?? 0;
        return new JsonObject
        {
            ["prompt_tokens"] = input,
            ["completion_tokens"] = output,
            ["total_tokens"] = usage["total_tokens"]?.GetValue<long>() ?? input + output,
            ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = usage["input_tokens_details"]?["cached_tokens"]?.GetValue<long>() ?? 0 },
            ["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = usage["output_tokens_details"]?["reasoning_tokens"]?.GetValue<long>() ?? 0 },
        };
    }
}
