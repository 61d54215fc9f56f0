using Cdx.ApplyPatch.Model;
using Cdx.ApplyPatch.Parsing;
using Cdx.ApplyPatch.Workspace;

namespace Cdx.ApplyPatch.Applying;

/// <summary>
/// The `apply_patch` command: Codex's semantics (hunks applied in order; a failing hunk stops the
/// run and earlier hunks stay applied), except that a patch reaching outside the working
/// directory is refused before anything is written.
/// </summary>
public static class StandaloneApplyPatch
{
    /// <summary>Applies <paramref name="patchText"/> in <paramref name="workingDirectory"/>; returns the exit code (0 or 1).</summary>
    public static int Run(string patchText, string workingDirectory, TextWriter stdout, TextWriter stderr)
    {
        var patch = PatchParser.TryParse(patchText, out var parseError);
        if (patch is null)
        {
            stderr.WriteLine(parseError!.CliMessage);
            return 1;
        }
        if (patch.Hunks.Count == 0)
        {
            stderr.WriteLine("No files were modified.");
            return 1;
        }
        var paths = new WorkspacePaths(workingDirectory);
        var outside = PatchVerifier.OutsidePaths(patch, paths);
        if (outside.Count > 0)
        {
            stderr.WriteLine(OutsideWorkspaceMessage.For(outside, paths.WorkingDirectory));
            return 1;
        }
        var runner = new HunkRunner(paths, new DiskFileStore(), computeDiffs: false);
        var applied = new List<PatchHunk>();
        foreach (var hunk in patch.Hunks)
        {
            try
            {
                runner.Run(hunk);
            }
            catch (Exception ex) when (ex is PatchApplyException or IOException)
            {
                stderr.WriteLine(ex.Message);
                return 1;
            }
            applied.Add(hunk);
        }
        stdout.Write(PatchResult.Summarise(applied));
        return 0;
    }
}
