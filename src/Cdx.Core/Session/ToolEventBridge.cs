using System.Collections.Concurrent;
using Cdx.Core.Tools;
using Cdx.Protocol.Exec;

namespace Cdx.Core.Session;

/// <summary>Turns tool progress into `exec --json` items with stable ids per call.</summary>
internal sealed class ToolEventBridge(AgentThread thread, PlanTracker plan, string turnId) : IToolEvents
{
    private readonly ConcurrentDictionary<string, string> _ids = new(StringComparer.Ordinal);

    public void CommandStarted(string callId, string command)
    {
        var id = thread.NextItemId();
        _ids[CommandKey(callId)] = id;
        thread.Emit(new ItemEvent(ItemPhase.Started, new ExecCommandExecution
        {
            Id = id, Command = command, AggregatedOutput = "", ExitCode = null, Status = "in_progress",
        }));
    }

    public void CommandOutput(string callId, string chunk)
    {
        // Codex 0.169 prints no item.updated for output chunks; the completed item carries it all.
    }

    public void CommandFinished(string callId, string command, string aggregatedOutput, int? exitCode, CommandStatus status)
    {
        var id = _ids.TryRemove(CommandKey(callId), out var known) ? known : thread.NextItemId();
        thread.Emit(new ItemEvent(ItemPhase.Completed, new ExecCommandExecution
        {
            Id = id, Command = command, AggregatedOutput = aggregatedOutput, ExitCode = exitCode, Status = WireStatus.Of(status),
        }));
    }

    public void PatchStarted(string callId, IReadOnlyList<FileChangeSummary> changes)
    {
        var id = thread.NextItemId();
        _ids[PatchKey(callId)] = id;
        thread.Emit(new ItemEvent(ItemPhase.Started, new ExecFileChange { Id = id, Changes = ToWire(changes), Status = "in_progress" }));
    }

    public void PatchFinished(string callId, IReadOnlyList<FileChangeSummary> changes, PatchStatus status)
    {
        var id = _ids.TryRemove(PatchKey(callId), out var known) ? known : thread.NextItemId();
        thread.Emit(new ItemEvent(ItemPhase.Completed, new ExecFileChange { Id = id, Changes = ToWire(changes), Status = WireStatus.Of(status) }));
    }

    public void PlanUpdated(string callId, string? explanation, IReadOnlyList<PlanStep> steps) => plan.Update(steps);

    public void Notice(string message) => thread.Warn(message);

    public void SecurityDecision(ToolSecurityFact fact) => thread.Observe(new SessionFact.Security(fact) { TurnId = turnId });

    private static string CommandKey(string callId) => "cmd:" + callId;

    private static string PatchKey(string callId) => "patch:" + callId;

    private static IReadOnlyList<ExecFileUpdate> ToWire(IReadOnlyList<FileChangeSummary> changes) =>
        changes.OrderBy(c => c.AbsolutePath, StringComparer.Ordinal)
            .Select(c => new ExecFileUpdate(c.AbsolutePath, WireStatus.Of(c.Kind)) { UnifiedDiff = c.UnifiedDiff })
            .ToList();
}
