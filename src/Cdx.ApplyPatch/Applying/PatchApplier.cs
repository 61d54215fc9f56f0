using Cdx.ApplyPatch.Workspace;

namespace Cdx.ApplyPatch.Applying;

/// <summary>Writes a <see cref="VerifiedPatch"/> to disk.</summary>
public static class PatchApplier
{
    /// <summary>
    /// Writes the verified contents (atomically per file). Refuses, before writing anything, a patch
    /// that reaches outside the workspace unless <paramref name="allowOutsideWorkspace"/> (the user approved).
    /// </summary>
    public static PatchResult Apply(VerifiedPatch verified, bool allowOutsideWorkspace = false)
    {
        ArgumentNullException.ThrowIfNull(verified);
        if (!verified.IsInsideWorkspace && !allowOutsideWorkspace)
        {
            throw new PatchApplyException(OutsideWorkspaceMessage.For(verified.OutsideWorkspace, verified.WorkingDirectory));
        }
        var disk = new DiskFileStore();
        foreach (var (path, contents, modeFrom) in verified.Operations)
        {
            if (contents is not null)
            {
                disk.Write(path, contents, modeFrom);
            }
            else if (DiskFileStore.IsLink(path.Physical) || File.Exists(path.Physical))
            {
                disk.Delete(path, "Failed to delete file");
            }
        }
        return new PatchResult(verified.Changes, PatchResult.Summarise(verified.Patch.Hunks));
    }
}
