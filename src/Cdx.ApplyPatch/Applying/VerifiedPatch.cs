using Cdx.ApplyPatch.Model;
using Cdx.ApplyPatch.Workspace;

namespace Cdx.ApplyPatch.Applying;

/// <summary>
/// A patch checked against the files as they are now: every hunk located, every new content
/// computed. Applying it writes exactly these contents.
/// </summary>
public sealed class VerifiedPatch
{
    internal VerifiedPatch(Patch patch, string workingDirectory, IReadOnlyList<FileChange> changes,
        IReadOnlyList<ResolvedPath> outsideWorkspace, IReadOnlyList<(ResolvedPath Path, string? Contents, ResolvedPath? ModeFrom)> operations)
    {
        Patch = patch;
        WorkingDirectory = workingDirectory;
        Changes = changes;
        OutsideWorkspace = outsideWorkspace;
        Operations = operations;
    }

    /// <summary>The parsed patch.</summary>
    public Patch Patch { get; }

    /// <summary>The directory relative paths were resolved against.</summary>
    public string WorkingDirectory { get; }

    /// <summary>One entry per hunk, in patch order, with before/after text and a unified diff.</summary>
    public IReadOnlyList<FileChange> Changes { get; }

    /// <summary>
    /// Paths (as resolved) that lie outside the working directory: `..`, absolute paths, or symlinks
    /// leading out. Non-empty means the caller must get approval or refuse.
    /// </summary>
    public IReadOnlyList<ResolvedPath> OutsideWorkspace { get; }

    /// <summary>True when every path stays inside the working directory.</summary>
    public bool IsInsideWorkspace => OutsideWorkspace.Count == 0;

    internal IReadOnlyList<(ResolvedPath Path, string? Contents, ResolvedPath? ModeFrom)> Operations { get; }
}
