using Cdx.Protocol.Rollout;

namespace Cdx.Core.Rollout;

/// <summary>Reads commit, branch and origin URL from `.git` files directly (no git process on startup).</summary>
public static class GitInfoReader
{
    /// <summary>Git facts for <paramref name="cwd"/>, or null outside a repository.</summary>
    public static GitInfo? Read(string cwd)
    {
        try
        {
            var gitDir = FindGitDir(cwd);
            if (gitDir is null)
            {
                return null;
            }
            var commonDir = File.Exists(Path.Combine(gitDir, "commondir"))
                ? Path.GetFullPath(File.ReadAllText(Path.Combine(gitDir, "commondir")).Trim(), gitDir)
                : gitDir;
            var head = File.ReadAllText(Path.Combine(gitDir, "HEAD")).Trim();
            string? branch = null;
            string? commit;
            if (head.StartsWith("ref: ", StringComparison.Ordinal))
            {
                var refName = head[5..];
                branch = refName.StartsWith("refs/heads/", StringComparison.Ordinal) ? refName[11..] : refName;
                commit = ResolveRef(gitDir, commonDir, refName);
            }
            else
            {
                commit = head;
            }
            return new GitInfo { CommitHash = commit, Branch = branch, RepositoryUrl = OriginUrl(commonDir) };
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? FindGitDir(string cwd)
    {
        for (var dir = new DirectoryInfo(cwd); dir is not null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit))
            {
                return dotGit;
            }
            if (File.Exists(dotGit))
            {
                // Worktrees and submodules: ".git" is a file naming the real git dir.
                var text = File.ReadAllText(dotGit).Trim();
                return text.StartsWith("gitdir: ", StringComparison.Ordinal) ? Path.GetFullPath(text[8..], dir.FullName) : null;
            }
        }
        return null;
    }

    private static string? ResolveRef(string gitDir, string commonDir, string refName)
    {
        foreach (var dir in new[] { gitDir, commonDir })
        {
            var loose = Path.Combine(dir, refName);
            if (File.Exists(loose))
            {
                return File.ReadAllText(loose).Trim();
            }
        }
        var packed = Path.Combine(commonDir, "packed-refs");
        if (!File.Exists(packed))
        {
            return null;
        }
        foreach (var line in File.ReadLines(packed))
        {
            var parts = line.Split(' ', 2);
            if (parts.Length == 2 && parts[1] == refName)
            {
                return parts[0];
            }
        }
        return null;
    }

    private static string? OriginUrl(string commonDir)
    {
        var config = Path.Combine(commonDir, "config");
        if (!File.Exists(config))
        {
            return null;
        }
        var inOrigin = false;
        foreach (var raw in File.ReadLines(config))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                inOrigin = line == "[remote \"origin\"]";
            }
            else if (inOrigin && line.StartsWith("url", StringComparison.Ordinal) && line.IndexOf('=') is var eq and > 0)
            {
                return line[(eq + 1)..].Trim();
            }
        }
        return null;
    }
}
