namespace Cdx.Sandbox;

/// <summary>
/// Finds the subpaths of the writable roots that stay read-only: `.git` (and the git dir a
/// `gitdir:` pointer file names, plus its `commondir`), `.codex` and `.agents`, whether they
/// exist, are missing, or are symlinks (followed to where they really lead).
/// </summary>
public static class ProtectedPaths
{
    /// <summary>Computes the protected locations for <paramref name="roots"/>, without duplicates.</summary>
    public static IReadOnlyList<ProtectedPath> Compute(IReadOnlyList<string> roots, IReadOnlyList<string> names)
    {
        var result = new List<ProtectedPath>();
        foreach (var root in roots)
        {
            foreach (var name in names)
            {
                var origin = Path.Combine(root, name);
                Add(result, roots, origin);
                if (name == ".git" && File.Exists(origin))
                {
                    foreach (var gitDir in GitDirsOf(origin, root))
                    {
                        Add(result, roots, gitDir);
                    }
                }
            }
        }
        return result;
    }

    private static void Add(List<ProtectedPath> result, IReadOnlyList<string> roots, string origin)
    {
        var resolved = PathResolver.Resolve(origin);
        // Outside every writable root the path is read-only (or uncreatable) already.
        if (!roots.Any(r => PathResolver.IsWithin(resolved.Path, r)))
        {
            return;
        }
        var kind = resolved.Exists ? ProtectionKind.ReadOnlyBind : ProtectionKind.BlockCreation;
        if (result.Any(p => p.Path == resolved.Path))
        {
            return;
        }
        result.Add(new ProtectedPath(resolved.Path, kind, origin));
    }

    /// <summary>The git dir named by a `gitdir: PATH` file, and the `commondir` it shares with its main repository.</summary>
    private static IEnumerable<string> GitDirsOf(string gitFile, string root)
    {
        string text;
        try
        {
            text = File.ReadAllText(gitFile);
        }
        catch (IOException)
        {
            yield break;
        }
        catch (UnauthorizedAccessException)
        {
            yield break;
        }
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("gitdir:", StringComparison.Ordinal));
        if (line is null)
        {
            yield break;
        }
        var gitDir = Path.GetFullPath(line["gitdir:".Length..].Trim(), root);
        yield return gitDir;
        var commonFile = Path.Combine(gitDir, "commondir");
        if (File.Exists(commonFile))
        {
            var common = File.ReadAllText(commonFile).Trim();
            if (common.Length > 0)
            {
                yield return Path.GetFullPath(common, gitDir);
            }
        }
    }
}
