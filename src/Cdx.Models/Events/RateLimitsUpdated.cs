namespace Cdx.Models;

/// <summary>Rate-limit information from response headers or a `codex.rate_limits` event.</summary>
public sealed record RateLimitsUpdated(RateLimitSnapshot Snapshot) : ModelEvent;
