namespace Cdx.Models;

/// <summary>A fragment of a streamed reasoning summary part.</summary>
public sealed record ReasoningSummaryDelta(string Delta, int SummaryIndex = 0) : ModelEvent;
