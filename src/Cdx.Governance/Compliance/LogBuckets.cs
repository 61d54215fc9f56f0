namespace Cdx.Governance.Compliance;

/// <summary>
/// How log files are cut: one file per chain per fixed UTC hour of received_at. A file is listed
/// once its hour is over plus a grace period, after which no record can join it (received_at never
/// decreases along a chain), so a listed file never grows.
/// </summary>
internal static class LogBuckets
{
    public const long Seconds = 3600;

    /// <summary>Extra wait after the hour ends, covering clock skew between server instances.</summary>
    public const long GraceSeconds = 60;

    public static long StartOf(long receivedAt) => receivedAt - (((receivedAt % Seconds) + Seconds) % Seconds);

    public static string FileId(string eventType, long start) => $"clf_{eventType.ToLowerInvariant()}_{start}";

    /// <summary>Files whose end is at or before this are closed at <paramref name="now"/>.</summary>
    public static long ClosedBefore(long now) => now - GraceSeconds;
}
