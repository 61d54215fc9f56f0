namespace Cdx.Models;

/// <summary>A model request failed for good (after retries, or with a non-retryable error); Message is Codex's final text.</summary>
public sealed class ModelTurnException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelTurnException(string message, int? httpStatus = null, Exception? inner = null)
        : base(message, inner)
    {
        HttpStatus = httpStatus;
    }

    /// <summary>The last HTTP status, when the failure came from one.</summary>
    public int? HttpStatus { get; }

    /// <summary>Whether the failure is the context-window error (the caller may compact and retry).</summary>
    public bool IsContextWindowExceeded => Message == ModelErrorText.ContextWindowExceeded;
}
