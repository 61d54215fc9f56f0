using Cdx.Core.Tools;
using Cdx.Protocol.Items;

namespace Cdx.Core.Session;

public sealed partial class AgentThread
{
    /// <summary>
    /// Runs the calls of one response. Consecutive parallel-safe calls run together; any other call
    /// runs alone. Outputs join the history in the order the model sent the calls; events are
    /// reported as they happen (completion order).
    /// </summary>
    private async Task RunToolCallsAsync(IReadOnlyList<ToolCall> calls, PlanTracker plan, string turnId, CancellationToken ct)
    {
        var events = new ToolEventBridge(this, plan, turnId);
        var outputs = new ResponseItem?[calls.Count];
        var parallel = _o.ParallelToolCalls && calls.Count > 1;
        var i = 0;
        try
        {
            while (i < calls.Count)
            {
                if (parallel && _o.Tools.IsParallelSafe(calls[i]))
                {
                    var start = i;
                    while (i < calls.Count && _o.Tools.IsParallelSafe(calls[i]))
                    {
                        i++;
                    }
                    var batch = Enumerable.Range(start, i - start)
                        .Select(async k => outputs[k] = await _o.Tools.ExecuteAsync(calls[k], events, ct));
                    await Task.WhenAll(batch);
                }
                else
                {
                    outputs[i] = await _o.Tools.ExecuteAsync(calls[i], events, ct);
                    i++;
                }
            }
        }
        finally
        {
            // Whatever finished is history, even when the turn is being aborted.
            foreach (var output in outputs)
            {
                if (output is not null)
                {
                    AddToHistory(output);
                }
            }
        }
    }
}
