namespace Cdx.Sandbox;

/// <summary>Computes the writable roots of a workspace-write policy in Codex's order.</summary>
public static class WritableRoots
{
    /// <summary>
    /// cwd, each `writable_roots` entry, each `--add-dir`, `$TMPDIR` (unless excluded), `/tmp`
    /// (unless excluded); resolved through symlinks, duplicates removed. Empty for other modes.
    /// </summary>
    public static IReadOnlyList<string> Compute(SandboxPolicy policy, string cwd, string? tmpdir)
    {
        if (policy.Mode != SandboxMode.WorkspaceWrite)
        {
            return [];
        }
        var roots = new List<string>();
        Add(roots, cwd, cwd, required: true, "the working directory");
        foreach (var r in policy.WritableRoots)
        {
            Add(roots, r, cwd, required: true, "sandbox_workspace_write.writable_roots");
        }
        foreach (var r in policy.AdditionalDirectories)
        {
            Add(roots, r, cwd, required: true, "--add-dir");
        }
        if (!policy.ExcludeTmpdirEnvVar && !string.IsNullOrEmpty(tmpdir))
        {
            Add(roots, tmpdir, cwd, required: false, "$TMPDIR");
        }
        if (!policy.ExcludeSlashTmp)
        {
            Add(roots, "/tmp", cwd, required: false, "/tmp");
        }
        return roots;
    }

    private static void Add(List<string> roots, string path, string cwd, bool required, string origin)
    {
        var absolute = Path.GetFullPath(path, cwd);
        var resolved = PathResolver.Resolve(absolute);
        if (!resolved.Exists || !Directory.Exists(resolved.Path))
        {
            if (required)
            {
                throw new SandboxException(
                    $"Sandbox expected writable root {absolute} (from {origin}), but it does not exist; create it or remove it from {origin}.");
            }
            return;
        }
        if (!roots.Contains(resolved.Path))
        {
            roots.Add(resolved.Path);
        }
    }
}
