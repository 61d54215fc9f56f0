namespace Cdx.Sandbox;

/// <summary>Where a path leads once every symlink on it is followed.</summary>
/// <param name="Path">The fully resolved path when it exists, else the resolved first missing component.</param>
/// <param name="Exists">True when the whole path exists.</param>
public readonly record struct ResolvedPath(string Path, bool Exists);

/// <summary>
/// realpath(3) done by hand so a missing tail is reported instead of failing: the sandbox needs the
/// first component that does not exist yet to block its creation.
/// </summary>
public static class PathResolver
{
    private const int MaxSymlinks = 40;

    /// <summary>Resolves <paramref name="path"/> (absolute) through symlinks, `.` and `..`.</summary>
    public static ResolvedPath Resolve(string path)
    {
        if (!System.IO.Path.IsPathRooted(path))
        {
            throw new ArgumentException($"path must be absolute: {path}", nameof(path));
        }
        var pending = new Stack<string>(Split(path).Reverse());
        var current = "/";
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                current = System.IO.Path.GetDirectoryName(current) ?? "/";
                continue;
            }
            var candidate = current == "/" ? "/" + part : current + "/" + part;
            var info = new FileInfo(candidate);
            if (info.LinkTarget is { } target)
            {
                if (++hops > MaxSymlinks)
                {
                    return new ResolvedPath(candidate, false);
                }
                foreach (var p in Split(target).Reverse())
                {
                    pending.Push(p);
                }
                if (target.StartsWith('/'))
                {
                    current = "/";
                }
                continue;
            }
            if (!info.Exists && !Directory.Exists(candidate))
            {
                return new ResolvedPath(candidate, false);
            }
            current = candidate;
        }
        return new ResolvedPath(current, true);
    }

    /// <summary>True when <paramref name="path"/> equals <paramref name="root"/> or lies beneath it.</summary>
    public static bool IsWithin(string path, string root) =>
        root == "/" || path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
