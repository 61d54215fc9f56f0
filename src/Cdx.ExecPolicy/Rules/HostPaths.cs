namespace Cdx.ExecPolicy.Rules;

/// <summary>Lexical absolute-path normalisation used for host executable resolution.</summary>
public static class HostPaths
{
    /// <summary>
    /// Makes <paramref name="path"/> absolute against the current directory and removes `.`, `..`,
    /// repeated and trailing slashes, without touching the file system. Null when it cannot.
    /// </summary>
    public static string? Normalize(string path)
    {
        if (path.Length == 0 || path.Contains('\0'))
        {
            return null;
        }
        var full = Path.IsPathRooted(path) ? path : Path.Combine(Environment.CurrentDirectory, path);
        var parts = new List<string>();
        foreach (var part in full.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                continue;
            }
            parts.Add(part);
        }
        return "/" + string.Join("/", parts);
    }
}
