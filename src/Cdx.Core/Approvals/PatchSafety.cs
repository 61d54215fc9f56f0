using Cdx.Sandbox;

namespace Cdx.Core.Approvals;

/// <summary>
/// Whether a patch may be written without asking: every written path inside a writable root
/// (workspace-write), anything under danger-full-access, nothing under read-only (spec tools.md §5.3).
/// </summary>
public static class PatchSafety
{
    /// <summary>True when all <paramref name="absolutePaths"/> are writable under <paramref name="policy"/>.</summary>
    public static bool IsWritable(SandboxPolicy policy, string cwd, IEnumerable<string> absolutePaths)
    {
        switch (policy.Mode)
        {
            case SandboxMode.DangerFullAccess:
                return true;
            case SandboxMode.ReadOnly:
                return false;
        }
        IReadOnlyList<string> roots;
        try
        {
            roots = WritableRoots.Compute(policy, cwd, Environment.GetEnvironmentVariable("TMPDIR"));
        }
        catch (SandboxException)
        {
            return false;
        }
        foreach (var path in absolutePaths)
        {
            var resolved = PathResolver.Resolve(Path.GetFullPath(path)).Path;
            if (!roots.Any(root => PathResolver.IsWithin(resolved, root)) || IsProtected(roots, resolved, policy))
            {
                return false;
            }
        }
        return true;
    }

    // .git/.codex/.agents stay read-only inside writable roots, for patches as for commands.
    private static bool IsProtected(IReadOnlyList<string> roots, string path, SandboxPolicy policy)
    {
        foreach (var root in roots.Where(r => PathResolver.IsWithin(path, r)))
        {
            var rel = Path.GetRelativePath(root, path);
            var first = rel.Split('/')[0];
            if (policy.ProtectedNames.Contains(first, StringComparer.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
