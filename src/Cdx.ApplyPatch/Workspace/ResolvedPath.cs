namespace Cdx.ApplyPatch.Workspace;

/// <summary>A patch path resolved against the workspace.</summary>
/// <param name="Raw">The path as written in the patch.</param>
/// <param name="Display">The absolute path Codex names in messages (working directory joined with the raw path, `.`/`..`/`//` folded).</param>
/// <param name="Physical">Where the bytes really live: `..` and symlinks resolved.</param>
/// <param name="IsInsideWorkspace">False when <paramref name="Physical"/> is not under the workspace root.</param>
public sealed record ResolvedPath(string Raw, string Display, string Physical, bool IsInsideWorkspace);
