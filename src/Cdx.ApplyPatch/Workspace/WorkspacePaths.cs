namespace Cdx.ApplyPatch.Workspace;

/// <summary>
/// Resolves patch paths against a working directory: lexically first (as Codex does: `a/../b` is
/// `b` even when `a` is a symlink), then following symlinks to find where the bytes really live,
/// and says whether that stays inside the directory.
/// </summary>
public sealed class WorkspacePaths
{
    private const int MaxSymlinkHops = 40;

    /// <summary>Creates a resolver for the workspace rooted at <paramref name="workingDirectory"/>.</summary>
    public WorkspacePaths(string workingDirectory)
    {
        WorkingDirectory = Path.GetFullPath(workingDirectory);
        Root = ResolvePhysical(WorkingDirectory, followFinal: true);
    }

    /// <summary>The working directory as given (absolute).</summary>
    public string WorkingDirectory { get; }

    /// <summary>The working directory with every symlink resolved.</summary>
    public string Root { get; }

    /// <summary>
    /// Resolves <paramref name="raw"/>. With <paramref name="followFinalLink"/> false a final symlink is
    /// the target itself (deleting a link removes the link, not what it points to).
    /// </summary>
    public ResolvedPath Resolve(string raw, bool followFinalLink = true)
    {
        // Codex names (and opens) the lexically normalised path: `.`, `..`, `//` and a trailing `/` are folded.
        var display = Lexical(Path.IsPathRooted(raw) ? raw : WorkingDirectory.TrimEnd('/') + "/" + raw);
        var physical = ResolvePhysical(display, followFinalLink);
        return new ResolvedPath(raw, display, physical, IsUnderRoot(physical));
    }

    /// <summary>Folds `.`, `..` and repeated or trailing separators of an absolute path without touching the disk.</summary>
    public static string Lexical(string absolute)
    {
        var parts = new List<string>();
        foreach (var part in Split(absolute))
        {
            if (part == ".")
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
        return "/" + string.Join('/', parts);
    }

    private bool IsUnderRoot(string physical) => IsUnder(physical, Root);

    /// <summary>True when the absolute, resolved <paramref name="physical"/> is <paramref name="root"/> or lies below it.</summary>
    public static bool IsUnder(string physical, string root) =>
        root == "/" || physical == root || physical.StartsWith(root + "/", StringComparison.Ordinal);

    // A small realpath(3) that tolerates missing trailing components (files about to be created).
    private static string ResolvePhysical(string absolute, bool followFinal)
    {
        // A List used as a stack (last item next): Stack<T> would load System.Collections.dll at startup.
        var pending = new List<string>();
        PushReversed(pending, Split(absolute));
        var parts = new List<string>();
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending[^1];
            pending.RemoveAt(pending.Count - 1);
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
            var candidate = parts.Count == 0 ? "/" + part : "/" + string.Join('/', parts) + "/" + part;
            var isFinal = pending.Count == 0;
            var target = (isFinal && !followFinal) ? null : ReadLink(candidate);
            if (target is null)
            {
                parts.Add(part);
                continue;
            }
            if (++hops > MaxSymlinkHops)
            {
                throw new IOException($"Too many levels of symbolic links resolving {absolute}");
            }
            if (target.StartsWith('/'))
            {
                parts.Clear();
            }
            PushReversed(pending, Split(target));
        }
        return "/" + string.Join('/', parts);
    }

    private static void PushReversed(List<string> stack, string[] items)
    {
        for (var i = items.Length - 1; i >= 0; i--)
        {
            stack.Add(items[i]);
        }
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static string? ReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
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
}
