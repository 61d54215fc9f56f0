namespace Cdx.Core.Tools;

/// <summary>The user answered an approval request with "abort": the turn must stop (not a model-facing failure).</summary>
public sealed class TurnAbortedException(string callId)
    : Exception($"the user aborted the turn at tool call {callId}.")
{
    /// <summary>The call that was being approved.</summary>
    public string CallId { get; } = callId;
}
