namespace Cdx.Config.Layers;

/// <summary>The project the session runs in: its root, the trust decision, and which directory decided it.</summary>
public sealed record ProjectTrust(string Cwd, string Root, TrustLevel Level, string? DecidedBy)
{
    /// <summary>
    /// Finds the project root (nearest ancestor of <paramref name="cwd"/> holding a marker; cwd
    /// itself when none does or the marker list is empty) and the trust entry that applies:
    /// the nearest directory from cwd up to the root that has a `projects` entry.
    /// </summary>
    public static ProjectTrust Resolve(string cwd, IReadOnlyList<string> markers, IReadOnlyDictionary<string, TrustLevel> entries)
    {
        var root = FindRoot(cwd, markers);
        foreach (var dir in UpFrom(cwd, root))
        {
            foreach (var spelling in Spellings(dir))
            {
                if (entries.TryGetValue(spelling, out var level))
                {
                    return new ProjectTrust(cwd, root, level, dir);
                }
            }
        }
        return new ProjectTrust(cwd, root, TrustLevel.Unknown, null);
    }

    /// <summary>True when a `.codex` layer in <paramref name="dir"/> may be loaded.</summary>
    public bool Enables(string dir) =>
        Level == TrustLevel.Trusted && DecidedBy is not null && IsAtOrBelow(dir, DecidedBy);

    /// <summary>Directories from the project root down to cwd (root first).</summary>
    public IReadOnlyList<string> RootToCwd() => UpFrom(Cwd, Root).Reverse().ToArray();

    private static string FindRoot(string cwd, IReadOnlyList<string> markers)
    {
        if (markers.Count == 0)
        {
            return cwd;
        }
        for (var dir = cwd; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (markers.Any(m => File.Exists(Path.Combine(dir, m)) || Directory.Exists(Path.Combine(dir, m))))
            {
                return dir;
            }
        }
        return cwd;
    }

    private static IEnumerable<string> UpFrom(string cwd, string root)
    {
        for (var dir = cwd; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            yield return dir;
            if (PathsEqual(dir, root))
            {
                yield break;
            }
        }
    }

    // The raw spelling and the symlink-resolved one both count as the same project.
    private static IEnumerable<string> Spellings(string dir)
    {
        yield return dir;
        var real = RealPath(dir);
        if (!PathsEqual(real, dir))
        {
            yield return real;
        }
    }

    /// <summary>Resolves symlinks in every component of an existing directory path.</summary>
    public static string RealPath(string dir)
    {
        try
        {
            var info = new DirectoryInfo(dir);
            var parent = info.Parent is null ? null : RealPath(info.Parent.FullName);
            var full = parent is null ? info.FullName : Path.Combine(parent, info.Name);
            var target = info.Exists ? new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true) : null;
            return target?.FullName ?? full;
        }
        catch (IOException)
        {
            return dir;
        }
        catch (UnauthorizedAccessException)
        {
            return dir;
        }
    }

    /// <summary>Normalises a `projects` key for lookup (absolute, no trailing separator).</summary>
    public static string NormalizeKey(string path)
    {
        var full = Path.GetFullPath(path);
        return full.Length > 1 ? full.TrimEnd(Path.DirectorySeparatorChar) : full;
    }

    private static bool PathsEqual(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);

    private static bool IsAtOrBelow(string dir, string ancestor) =>
        PathsEqual(dir, ancestor) || dir.StartsWith(ancestor.TrimEnd('/') + "/", StringComparison.Ordinal);
}
