namespace Cdx.Models;

/// <summary>A fragment of raw reasoning text (gpt-oss style `reasoning_text`, or chat `reasoning`).</summary>
public sealed record ReasoningContentDelta(string Delta) : ModelEvent;
