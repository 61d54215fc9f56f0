namespace Cdx.Governance.Client.Telemetry;

/// <summary>Events read from the spool after the shipped offset; <see cref="EndOffset"/> is committed once they are delivered.</summary>
public sealed record SpoolBatch
{
    /// <summary>The events, in spool order.</summary>
    public required IReadOnlyList<TelemetryEvent> Events { get; init; }

    /// <summary>The raw lines of <see cref="Events"/> (kept for the rejected file).</summary>
    public required IReadOnlyList<string> Lines { get; init; }

    /// <summary>Byte offset just past the last complete line read (skipped damaged lines included).</summary>
    public long EndOffset { get; init; }

    /// <summary>Damaged lines skipped (a write torn by a crash, then closed by the next append).</summary>
    public int DamagedLines { get; init; }
}
