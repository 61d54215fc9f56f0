namespace Cdx.ApplyPatch.Tests;

/// <summary>Every regular file (bytes, as hex), symlink and empty directory under a root, for exact comparison.</summary>
public static class TreeSnapshot
{
    /// <summary>Sorted "path => content" lines describing the tree.</summary>
    public static List<string> Take(string root)
    {
        var entries = new List<string>();
        if (!Directory.Exists(root))
        {
            return entries;
        }
        Walk(root, root, entries);
        entries.Sort(StringComparer.Ordinal);
        return entries;
    }

    private static void Walk(string root, string dir, List<string> entries)
    {
        var children = Directory.EnumerateFileSystemEntries(dir).ToList();
        if (children.Count == 0 && dir != root)
        {
            entries.Add(Rel(root, dir) + "/ => <empty dir>");
        }
        foreach (var child in children)
        {
            var info = new FileInfo(child);
            if (info.LinkTarget is { } target)
            {
                entries.Add(Rel(root, child) + " => symlink:" + target);
            }
            else if (Directory.Exists(child))
            {
                Walk(root, child, entries);
            }
            else
            {
                entries.Add(Rel(root, child) + " => " + Convert.ToHexString(File.ReadAllBytes(child)));
            }
        }
    }

    private static string Rel(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>Copies a directory tree (files and directories).</summary>
    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
