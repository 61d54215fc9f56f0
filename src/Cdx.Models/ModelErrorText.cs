namespace Cdx.Models;

/// <summary>The user-visible error texts of failed model requests (spec model-protocol.md §5.2).</summary>
public static class ModelErrorText
{
    /// <summary>Final message after 5xx responses exhaust both retry layers (typographic apostrophe, as Codex).</summary>
    public const string HighDemand = "We\u2019re currently experiencing high demand, which may cause temporary errors.";

    /// <summary>Final message for a 429.</summary>
    public const string TooManyRequests = "exceeded retry limit, last status: 429 Too Many Requests";

    /// <summary>`response.failed` with `context_length_exceeded`, or chat `finish_reason: length`.</summary>
    public const string ContextWindowExceeded =
        "Codex ran out of room in the model's context window. Start a new thread or clear earlier history before retrying.";

    /// <summary>`response.failed` with `insufficient_quota`.</summary>
    public const string QuotaExceeded = "Quota exceeded. Check your plan and billing details.";

    /// <summary>`response.failed` with `usage_not_included`.</summary>
    public const string UsageNotIncluded = "Your plan does not include usage for this model; check your plan or use an API key.";

    /// <summary>Prefix of stream failures that are retried.</summary>
    public const string StreamDisconnectedPrefix = "stream disconnected before completion: ";

    /// <summary>The stream ended without `response.completed`.</summary>
    public const string ClosedEarly = StreamDisconnectedPrefix + "stream closed before response.completed";

    /// <summary>No SSE event within the idle timeout.</summary>
    public const string IdleTimeout = StreamDisconnectedPrefix + "idle timeout waiting for SSE";
}
