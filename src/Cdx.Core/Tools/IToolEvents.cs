namespace Cdx.Core.Tools;

/// <summary>What tools report while they run; the session turns these into exec --json items and rollout events.</summary>
public interface IToolEvents
{
    /// <summary>A command started; <paramref name="command"/> is the shlex-joined argv (`/bin/bash -lc 'echo hi'`).</summary>
    void CommandStarted(string callId, string command);

    /// <summary>New output of a running command (optional streaming).</summary>
    void CommandOutput(string callId, string chunk);

    /// <summary>A command finished; <paramref name="aggregatedOutput"/> is the 1 MiB head+tail capture.</summary>
    void CommandFinished(string callId, string command, string aggregatedOutput, int? exitCode, CommandStatus status);

    /// <summary>A patch is about to be written.</summary>
    void PatchStarted(string callId, IReadOnlyList<FileChangeSummary> changes);

    /// <summary>A patch was written (or failed).</summary>
    void PatchFinished(string callId, IReadOnlyList<FileChangeSummary> changes, PatchStatus status);

    /// <summary>The model replaced its plan.</summary>
    void PlanUpdated(string callId, string? explanation, IReadOnlyList<PlanStep> steps);

    /// <summary>A warning for the human (exec JSONL `error` item).</summary>
    void Notice(string message);

    /// <summary>
    /// An approval, rejection or sandbox denial, for audit logs. Default: ignored, since only
    /// observers that record compliance facts care.
    /// </summary>
    void SecurityDecision(ToolSecurityFact fact)
    {
    }
}
