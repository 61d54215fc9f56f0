namespace Cdx.Models;

/// <summary>The stream layer is about to re-send the request after a retryable failure.</summary>
public sealed record Reconnecting(int Attempt, int Max, string Reason) : ModelEvent
{
    /// <summary>The notice Codex shows: `Reconnecting... N/M (reason)`.</summary>
    public string Message => $"Reconnecting... {Attempt}/{Max} ({Reason})";
}
