namespace Cdx.Models;

/// <summary>Credit state reported by the server.</summary>
public sealed record RateLimitCredits(bool HasCredits, bool Unlimited, string? Balance);
