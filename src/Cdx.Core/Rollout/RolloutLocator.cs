namespace Cdx.Core.Rollout;

/// <summary>Finds rollout files for `exec resume`: by thread id, or the newest for a directory.</summary>
public static class RolloutLocator
{
    /// <summary>The file of thread <paramref name="threadId"/>, or null.</summary>
    public static string? FindById(string codexHome, string threadId)
    {
        var root = Path.Combine(codexHome, "sessions");
        if (!Directory.Exists(root) || threadId.Length == 0 || threadId.IndexOfAny(['/', '*', '?']) >= 0)
        {
            return null;
        }
        return Directory.EnumerateFiles(root, $"rollout-*-{threadId}.jsonl", SearchOption.AllDirectories)
            .OrderByDescending(p => p, StringComparer.Ordinal)
            .FirstOrDefault(p => RolloutReader.ReadMeta(p) is not null);
    }

    /// <summary>The newest rollout whose session ran in <paramref name="cwd"/> (any directory when null), or null.</summary>
    public static string? FindLatest(string codexHome, string? cwd)
    {
        var root = Path.Combine(codexHome, "sessions");
        if (!Directory.Exists(root))
        {
            return null;
        }
        // Paths are sessions/YYYY/MM/DD/rollout-<ts>-<uuid v7>: ordinal order is time order.
        var candidates = Directory.EnumerateFiles(root, "rollout-*.jsonl", SearchOption.AllDirectories)
            .Select(p => (Path: p, Key: Path.GetRelativePath(root, p)))
            .OrderByDescending(c => c.Key, StringComparer.Ordinal);
        foreach (var (path, _) in candidates)
        {
            var meta = RolloutReader.ReadMeta(path);
            if (meta is not null && (cwd is null || SamePath(meta.Cwd, cwd)))
            {
                return path;
            }
        }
        return null;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);
}
