namespace Cdx.Sandbox;

/// <summary>execvp-style lookup of a program name in a PATH string.</summary>
public static class ExecutableSearch
{
    /// <summary>The first executable regular file named <paramref name="name"/> on <paramref name="path"/>; names with a slash are returned as given.</summary>
    public static string? Find(string name, string? path, string? cwd = null)
    {
        if (name.Contains('/'))
        {
            var full = Path.GetFullPath(name, cwd ?? Environment.CurrentDirectory);
            return File.Exists(full) ? full : null;
        }
        foreach (var dir in (path ?? "/usr/local/bin:/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate) && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
            {
                return candidate;
            }
        }
        return null;
    }
}
