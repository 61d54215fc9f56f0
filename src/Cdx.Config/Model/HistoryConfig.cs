namespace Cdx.Config.Model;

/// <summary>`[history]`.</summary>
public sealed record HistoryConfig(HistoryPersistence Persistence, long? MaxBytes);
