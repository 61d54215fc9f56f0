namespace Cdx.Sandbox;

/// <summary>
/// Mount points bwrap creates on the host to block a missing protected path (e.g. an empty
/// `.git` directory in a fresh workspace). They are removed when the last sandbox in this
/// process that uses one ends, so no trace is left; while any sandbox is alive the directory
/// stays (removing it from the host would detach that sandbox's read-only mount).
/// </summary>
internal static class PlaceholderRegistry
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, int> Users = new(StringComparer.Ordinal);

    /// <summary>Takes a reference on every creation-blocking path of <paramref name="launch"/>.</summary>
    public static IReadOnlyList<string> Acquire(SandboxLaunch launch)
    {
        var taken = new List<string>();
        lock (Gate)
        {
            foreach (var p in launch.ProtectedPaths)
            {
                // An existing path we created earlier (another live sandbox's placeholder) is shared too.
                if (p.Kind == ProtectionKind.BlockCreation || Users.ContainsKey(p.Path))
                {
                    Users[p.Path] = Users.GetValueOrDefault(p.Path) + 1;
                    taken.Add(p.Path);
                }
            }
        }
        return taken;
    }

    /// <summary>Drops the references and removes placeholders nobody uses any more (only if still empty).</summary>
    public static void Release(IReadOnlyList<string> paths)
    {
        lock (Gate)
        {
            foreach (var path in paths)
            {
                var left = Users.GetValueOrDefault(path) - 1;
                if (left > 0)
                {
                    Users[path] = left;
                    continue;
                }
                Users.Remove(path);
                try
                {
                    if (Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any())
                    {
                        Directory.Delete(path, recursive: false);
                    }
                }
                catch (IOException)
                {
                    // Still in use or filled by someone else: leave it rather than guess.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }
}
