namespace Cdx.Models;

/// <summary>One attempt of a model request failed; the stream layer decides whether to re-send.</summary>
internal sealed class ModelAttemptException(string message, bool retryable, TimeSpan? retryAfter = null, int? status = null)
    : Exception(message)
{
    public bool Retryable { get; } = retryable;

    /// <summary>The server's retry hint (Retry-After or "try again in …"), which replaces the backoff.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public int? Status { get; } = status;
}
