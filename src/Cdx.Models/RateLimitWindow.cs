namespace Cdx.Models;

/// <summary>One rate-limit window: how much is used, its length, and when it resets (unix seconds).</summary>
public sealed record RateLimitWindow(double UsedPercent, long? WindowMinutes, long? ResetsAt);
