using System.Text.Json;
using Cdx.Protocol.Items;
using Cdx.Protocol.Rollout;

namespace Cdx.Core.Rollout;

/// <summary>The model history and token totals rebuilt from a rollout.</summary>
public sealed record ResumedThread(
    string ThreadId,
    IReadOnlyList<ResponseItem> History,
    TokenUsage TotalUsage,
    string? LastModel);

/// <summary>Replays `response_item` and `compacted` records into model history (sessions.md §3).</summary>
public static class RolloutHistory
{
    /// <summary>Rebuilds the thread from the lines of its rollout.</summary>
    public static ResumedThread Rebuild(RolloutContents contents)
    {
        var history = new List<ResponseItem>();
        var usage = TokenUsage.Zero;
        string? model = null;
        foreach (var line in contents.Lines)
        {
            switch (line.Type)
            {
                case RolloutTypes.ResponseItem:
                    if (ReadItem(line) is { } item)
                    {
                        history.Add(item);
                    }
                    break;
                case RolloutTypes.Compacted:
                    ApplyCompaction(history, line);
                    break;
                case RolloutTypes.TurnContext:
                    model = line.Payload["model"]?.GetValue<string>() ?? model;
                    break;
                case RolloutTypes.EventMsg when line.Payload["type"]?.GetValue<string>() == "token_count":
                    if (RolloutJson.ReadTokenUsage(line.Payload["info"]?["total_token_usage"]) is { } total)
                    {
                        usage = new TokenUsage(total.InputTokens, total.CachedInputTokens, total.CacheWriteInputTokens,
                            total.OutputTokens, total.ReasoningOutputTokens, total.TotalTokens);
                    }
                    break;
            }
        }
        return new ResumedThread(contents.Meta?.Id ?? "", history, usage, model);
    }

    private static ResponseItem? ReadItem(RolloutLine line)
    {
        using var doc = JsonDocument.Parse(line.Payload.ToJsonString());
        return ResponseItemJson.Read(doc.RootElement.Clone());
    }

    private static void ApplyCompaction(List<ResponseItem> history, RolloutLine line)
    {
        if (RolloutJson.ReadCompacted(line.Payload) is not { } compacted)
        {
            return;
        }
        if (compacted.ReplacementHistory is { } replacement)
        {
            using var doc = JsonDocument.Parse(replacement.ToJsonString());
            history.Clear();
            history.AddRange(ResponseItemJson.ReadArray(doc.RootElement.Clone()));
            return;
        }
        // Older files: keep the user's own messages and add the summary as a user message.
        var kept = history.OfType<MessageItem>().Where(m => m.Role == "user").ToList();
        history.Clear();
        history.AddRange(kept);
        history.Add(MessageItem.User(compacted.Message));
    }
}
