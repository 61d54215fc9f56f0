using Cdx.ApplyPatch.Model;
using Cdx.ApplyPatch.Parsing;
using Cdx.ApplyPatch.Workspace;

namespace Cdx.ApplyPatch.Applying;

/// <summary>Checks a whole patch against the file system without writing anything.</summary>
public static class PatchVerifier
{
    /// <summary>Parses and verifies <paramref name="patchText"/> in <paramref name="workingDirectory"/>.</summary>
    public static VerificationResult Verify(string patchText, string workingDirectory)
    {
        var patch = PatchParser.TryParse(patchText, out var parseError);
        return patch is null ? new VerificationResult(null, parseError!.ToolMessage) : Verify(patch, workingDirectory);
    }

    /// <summary>
    /// Runs every hunk in memory, in order (later hunks see earlier ones), and returns the planned
    /// changes, or the first error. Paths outside the workspace are reported, not refused.
    /// </summary>
    public static VerificationResult Verify(Patch patch, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (patch.Hunks.Count == 0)
        {
            return new VerificationResult(null, "patch rejected: empty patch");
        }
        var paths = new WorkspacePaths(workingDirectory);
        var outside = OutsidePaths(patch, paths);
        var store = new OverlayFileStore();
        var runner = new HunkRunner(paths, store, computeDiffs: true);
        var changes = new List<FileChange>();
        try
        {
            foreach (var hunk in patch.Hunks)
            {
                changes.Add(runner.Run(hunk));
            }
        }
        catch (PatchApplyException ex)
        {
            return new VerificationResult(null, ex.Message);
        }
        catch (IOException ex)
        {
            return new VerificationResult(null, ex.Message);
        }
        return new VerificationResult(
            new VerifiedPatch(patch, paths.WorkingDirectory, changes, outside, store.Operations), null);
    }

    /// <summary>Every path of <paramref name="patch"/> (targets and move destinations) that resolves outside the workspace.</summary>
    public static IReadOnlyList<ResolvedPath> OutsidePaths(Patch patch, WorkspacePaths paths)
    {
        var outside = new List<ResolvedPath>();
        foreach (var hunk in patch.Hunks)
        {
            var target = paths.Resolve(hunk.Path, followFinalLink: hunk is not DeleteFileHunk);
            if (!target.IsInsideWorkspace)
            {
                outside.Add(target);
            }
            if (hunk is UpdateFileHunk { MovePath: { } move } && paths.Resolve(move) is { IsInsideWorkspace: false } dest)
            {
                outside.Add(dest);
            }
        }
        return outside;
    }
}
