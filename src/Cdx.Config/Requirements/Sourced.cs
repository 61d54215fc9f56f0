namespace Cdx.Config.Requirements;

/// <summary>A requirement value with the source that set it.</summary>
public sealed record Sourced<T>(T Value, RequirementsSource Source);
