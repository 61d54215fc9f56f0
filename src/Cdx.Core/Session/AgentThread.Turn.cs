using Cdx.Core.Tools;
using Cdx.Models;
using Cdx.Protocol.Exec;
using Cdx.Protocol.Items;
using Cdx.Protocol.Rollout;

namespace Cdx.Core.Session;

public sealed partial class AgentThread
{
    /// <summary>
    /// Runs one turn for <paramref name="input"/>. Cancelling <paramref name="ct"/> aborts the turn
    /// cleanly (running commands killed, `turn_aborted` recorded) and returns <see cref="TurnStatus.Aborted"/>.
    /// </summary>
    public async Task<TurnOutcome> RunTurnAsync(UserInput input, CancellationToken ct)
    {
        var turnId = Guid.CreateVersion7().ToString();
        Emit(new TurnStartedEvent());
        Record(new TaskStartedEvent(turnId) { ModelContextWindow = _o.ModelContextWindow });
        StartTurn(input, turnId);
        var plan = new PlanTracker(this);
        string? lastMessage = null;
        try
        {
            while (true)
            {
                var step = await SampleAsync(turnId, ct);
                lastMessage = step.LastMessage ?? lastMessage;
                if (step.Calls.Count == 0)
                {
                    break;
                }
                await RunToolCallsAsync(step.Calls, plan, turnId, ct);
            }
        }
        catch (Exception ex) when (ex is TurnAbortedException || (ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            plan.Complete();
            CloseDanglingCalls();
            Record(new TurnAbortedEvent("interrupted"));
            return new TurnOutcome(TurnStatus.Aborted, lastMessage);
        }
        catch (ModelTurnException ex)
        {
            plan.Complete();
            CloseDanglingCalls();
            Emit(new ErrorEvent(ex.Message));
            Emit(new TurnFailedEvent(new ExecError(ex.Message)));
            return new TurnOutcome(TurnStatus.Failed, lastMessage, ex.Message);
        }
        plan.Complete();
        Record(new TaskCompleteEvent(turnId, lastMessage));
        Emit(new TurnCompletedEvent(ToExecUsage(_total)));
        return new TurnOutcome(TurnStatus.Completed, lastMessage);
    }

    private void StartTurn(UserInput input, string turnId)
    {
        bool fresh;
        lock (_history)
        {
            fresh = _history.Count == 0;
        }
        if (fresh)
        {
            foreach (var item in _o.InitialContext)
            {
                AddToHistory(item);
            }
        }
        var s = _o.Settings;
        _o.Recorder?.AppendTurnContext(new TurnContextRecord
        {
            TurnId = turnId,
            Cwd = s.Cwd,
            ApprovalPolicy = s.ApprovalPolicy,
            SandboxPolicy = s.SandboxPolicy.DeepClone().AsObject(),
            Model = _o.Model,
            Effort = s.Effort,
            Summary = s.Summary,
            FinalOutputJsonSchema = s.OutputSchema?.DeepClone(),
        });
        AddToHistory(input.Message ?? DefaultMessage(input));
        Record(new UserMessageEvent(input.Text) { Images = input.ImageDataUrls.Count == 0 ? null : input.ImageDataUrls });
        Observe(new SessionFact.TurnBegan(input.Text, input.ImageDataUrls.Count) { TurnId = turnId });
        _turnCount++;
    }

    private static MessageItem DefaultMessage(UserInput input)
    {
        List<ContentItem> content = [new InputTextContent(input.Text)];
        content.AddRange(input.ImageDataUrls.Select(url => new InputImageContent(url, null)));
        return new MessageItem { Role = "user", Content = content };
    }

    private sealed record SampleResult(IReadOnlyList<ToolCall> Calls, string? LastMessage);

    /// <summary>One model request: records every finished output item and collects tool calls.</summary>
    private async Task<SampleResult> SampleAsync(string turnId, CancellationToken ct)
    {
        var request = new ModelRequest
        {
            Model = _o.Model,
            Input = HistoryNormalizer.WithCallOutputs(History),
            Tools = _o.Tools.ToolSpecs,
            ParallelToolCalls = _o.ParallelToolCalls,
            Reasoning = _o.Reasoning?.DeepClone().AsObject(),
            Text = _o.Text?.DeepClone().AsObject(),
            ThreadId = ThreadId,
            TurnId = turnId,
        };
        var calls = new List<ToolCall>();
        string? lastMessage = null;
        await foreach (var ev in _o.Client.StreamAsync(request, ct).WithCancellation(ct))
        {
            switch (ev)
            {
                case OutputItemDone done:
                    AddToHistory(done.Item);
                    lastMessage = OnOutputItem(done.Item, calls) ?? lastMessage;
                    break;
                case Reconnecting r:
                    Emit(new ErrorEvent($"Reconnecting... {r.Attempt}/{r.Max} ({r.Reason})"));
                    break;
                case Completed c when c.Usage is { } usage:
                    _total += usage;
                    RecordTokenCount(usage);
                    Observe(new SessionFact.ResponseCompleted(_o.Model, usage) { TurnId = turnId });
                    break;
            }
        }
        return new SampleResult(calls, lastMessage);
    }

    /// <summary>Reports one finished output item; returns the message text for assistant messages.</summary>
    private string? OnOutputItem(ResponseItem item, List<ToolCall> calls)
    {
        switch (item)
        {
            case MessageItem { Role: "assistant" } m:
                var text = m.Text;
                Emit(new ItemEvent(ItemPhase.Completed, new ExecAgentMessage { Id = NextItemId(), Text = text }));
                Record(new AgentMessageEvent(text));
                return text;
            case ReasoningItem r when r.Summary.Count > 0:
                var summary = string.Join("\n", r.Summary);
                Emit(new ItemEvent(ItemPhase.Completed, new ExecReasoning { Id = NextItemId(), Text = summary }));
                Record(new AgentReasoningEvent(summary));
                return null;
            case FunctionCallItem or CustomToolCallItem or LocalShellCallItem:
                if (ToolRuntime.CallOf(item) is { } call)
                {
                    calls.Add(call);
                }
                return null;
            case WebSearchCallItem w:
                var id = NextItemId();
                var query = w.Action is { } a && a.TryGetProperty("query", out var q) ? q.GetString() ?? "" : "";
                Emit(new ItemEvent(ItemPhase.Started, new ExecWebSearch { Id = id, Action = w.Action }));
                Emit(new ItemEvent(ItemPhase.Completed, new ExecWebSearch { Id = id, Query = query, Action = w.Action }));
                return null;
            default:
                return null;
        }
    }

    private void RecordTokenCount(TokenUsage last)
    {
        Record(new TokenCountEvent(new TokenCountInfo(ToRollout(_total), ToRollout(last), _o.ModelContextWindow)));
    }

    private static RolloutTokenUsage ToRollout(TokenUsage u) => new(u.InputTokens, u.CachedInputTokens,
        u.CacheWriteInputTokens, u.OutputTokens, u.ReasoningOutputTokens, u.TotalTokens);

    /// <summary>The JSONL `usage` object for a usage total.</summary>
    public static ExecUsage ToExecUsage(TokenUsage u) =>
        new(u.InputTokens, u.CachedInputTokens, u.CacheWriteInputTokens, u.OutputTokens, u.ReasoningOutputTokens);

    /// <summary>After an abort or failure, gives every call without output an `aborted` output so the history stays valid.</summary>
    private void CloseDanglingCalls()
    {
        foreach (var output in HistoryNormalizer.MissingOutputs(History))
        {
            AddToHistory(output);
        }
    }
}
