namespace Cdx.Toml.Tests;

/// <summary>Key paths through a parsed document, where the last table of an array of tables stands for the array.</summary>
internal static class DocumentPaths
{
    /// <summary>Every leaf value and every table (the root first, as the empty path).</summary>
    public static (List<string[]> Leaves, List<string[]> Tables) Collect(TomlTable document)
    {
        var leaves = new List<string[]>();
        var tables = new List<string[]> { Array.Empty<string>() };
        Walk(document, [], leaves, tables);
        return (leaves, tables);
    }

    public static TomlValue? Lookup(TomlTable root, string[] path)
    {
        TomlValue current = root;
        foreach (var part in path)
        {
            var table = current switch
            {
                TomlTable t => t,
                TomlArray { IsArrayOfTables: true, Count: > 0 } a => (TomlTable)a[a.Count - 1],
                _ => null,
            };
            if (table is null || !table.TryGetValue(part, out var next))
            {
                return null;
            }
            current = next;
        }
        return current;
    }

    private static void Walk(TomlTable table, string[] prefix, List<string[]> leaves, List<string[]> tables)
    {
        foreach (var (key, value) in table)
        {
            string[] path = [.. prefix, key];
            switch (value)
            {
                case TomlTable t:
                    tables.Add(path);
                    Walk(t, path, leaves, tables);
                    break;
                case TomlArray { IsArrayOfTables: true, Count: > 0 } a:
                    tables.Add(path);
                    Walk((TomlTable)a[a.Count - 1], path, leaves, tables);
                    break;
                default:
                    leaves.Add(path);
                    break;
            }
        }
    }
}
