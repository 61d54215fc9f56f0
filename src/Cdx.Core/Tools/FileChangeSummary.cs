namespace Cdx.Core.Tools;

/// <summary>One file of a patch as the events report it.</summary>
/// <param name="AbsolutePath">Absolute path (the source path for a move).</param>
/// <param name="Kind">add, delete or update.</param>
/// <param name="UnifiedDiff">The diff for human output, or null.</param>
public sealed record FileChangeSummary(string AbsolutePath, FileChangeKindWire Kind, string? UnifiedDiff);
