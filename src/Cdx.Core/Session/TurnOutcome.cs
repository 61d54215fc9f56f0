namespace Cdx.Core.Session;

/// <summary>How a turn ended.</summary>
public enum TurnStatus
{
    /// <summary>The model stopped calling tools.</summary>
    Completed,

    /// <summary>A fatal error (retries exhausted, 4xx, ...).</summary>
    Failed,

    /// <summary>Interrupted by the user (Ctrl-C).</summary>
    Aborted,
}

/// <summary>The result of one turn.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="LastAgentMessage">The last assistant message of the turn, or null.</param>
/// <param name="Error">The error message of a failed turn.</param>
public sealed record TurnOutcome(TurnStatus Status, string? LastAgentMessage, string? Error = null);
