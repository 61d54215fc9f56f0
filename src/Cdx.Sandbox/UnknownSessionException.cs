namespace Cdx.Sandbox;

/// <summary>write_stdin named a session that does not exist (never did, or already exited).</summary>
public sealed class UnknownSessionException(int sessionId)
    : Exception($"Unknown process id {sessionId}")
{
    /// <summary>The id that was asked for.</summary>
    public int SessionId { get; } = sessionId;
}
