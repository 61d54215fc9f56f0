using Cdx.Protocol.Items;

namespace Cdx.Core.Session;

/// <summary>
/// Keeps history acceptable to the model: every tool call needs an output. A turn aborted with
/// Ctrl-C, or a process killed with `kill -9`, can leave calls without one; they get `aborted`.
/// </summary>
public static class HistoryNormalizer
{
    /// <summary>The output text given to calls that never finished.</summary>
    public const string AbortedOutput = "aborted";

    /// <summary>Outputs for calls that have none, in call order.</summary>
    public static IReadOnlyList<ResponseItem> MissingOutputs(IReadOnlyList<ResponseItem> history)
    {
        var answered = AnsweredCallIds(history);
        return history.Select(item => OutputFor(item, answered)).OfType<ResponseItem>().ToList();
    }

    /// <summary>The history with an `aborted` output inserted right after each unanswered call.</summary>
    public static IReadOnlyList<ResponseItem> WithCallOutputs(IReadOnlyList<ResponseItem> history)
    {
        var answered = AnsweredCallIds(history);
        if (!history.Any(item => OutputFor(item, answered) is not null))
        {
            return history;
        }
        var result = new List<ResponseItem>(history.Count + 2);
        foreach (var item in history)
        {
            result.Add(item);
            if (OutputFor(item, answered) is { } output)
            {
                result.Add(output);
            }
        }
        return result;
    }

    private static HashSet<string> AnsweredCallIds(IReadOnlyList<ResponseItem> history)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in history)
        {
            switch (item)
            {
                case FunctionCallOutputItem f: ids.Add(f.CallId); break;
                case CustomToolCallOutputItem c: ids.Add(c.CallId); break;
            }
        }
        return ids;
    }

    private static ResponseItem? OutputFor(ResponseItem item, HashSet<string> answered) => item switch
    {
        FunctionCallItem f when !answered.Contains(f.CallId) =>
            new FunctionCallOutputItem { CallId = f.CallId, Output = ToolOutputPayload.FromText(AbortedOutput) },
        CustomToolCallItem c when !answered.Contains(c.CallId) =>
            new CustomToolCallOutputItem { CallId = c.CallId, Output = AbortedOutput },
        LocalShellCallItem l when (l.CallId ?? l.Id) is { } id && !answered.Contains(id) =>
            new FunctionCallOutputItem { CallId = id, Output = ToolOutputPayload.FromText(AbortedOutput) },
        _ => null,
    };
}
