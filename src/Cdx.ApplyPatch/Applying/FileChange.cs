namespace Cdx.ApplyPatch.Applying;

/// <summary>One file a patch adds, deletes or updates, with the unified diff to show for it.</summary>
/// <param name="Kind">Add, Delete or Update.</param>
/// <param name="RawPath">The path as written in the patch.</param>
/// <param name="Path">The absolute path (working directory joined with <paramref name="RawPath"/>).</param>
/// <param name="MovePath">For an Update with `*** Move to:`, the absolute destination; else null.</param>
/// <param name="OldContent">The text before (null for Add, or for a file that is not UTF-8 text).</param>
/// <param name="NewContent">The text after (null for Delete).</param>
/// <param name="UnifiedDiff">A unified diff from old to new (`---`/`+++` headers and `@@` hunks).</param>
public sealed record FileChange(
    FileChangeKind Kind,
    string RawPath,
    string Path,
    string? MovePath,
    string? OldContent,
    string? NewContent,
    string UnifiedDiff)
{
    /// <summary>The path the file has after the patch (the move destination when moved).</summary>
    public string FinalPath => MovePath ?? Path;
}
