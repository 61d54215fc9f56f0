namespace Cdx.Models;

/// <summary>A fragment of streamed assistant text.</summary>
public sealed record OutputTextDelta(string Delta) : ModelEvent;
