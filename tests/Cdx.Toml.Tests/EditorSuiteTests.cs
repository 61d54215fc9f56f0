using Cdx.Testing;

namespace Cdx.Toml.Tests;

/// <summary>The editor against every valid toml-test file: untouched bytes stay, edits land where asked.</summary>
public sealed class EditorSuiteTests
{
    public static IEnumerable<object[]> ValidFiles => TomlTestSuite.Rows("1.0.0", "valid/");

    [SharedSuiteTheory]
    [MemberData(nameof(ValidFiles))]
    public void Opening_and_saving_a_valid_file_is_byte_identical(string file)
    {
        var source = Path.Combine(TomlTestSuite.TestsDir, file);
        using var dir = new TempDir();
        var target = Path.Combine(dir.Path, "out.toml");
        TomlEditor.Open(source).Save(target);
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(target));
    }

    [SharedSuiteTheory]
    [MemberData(nameof(ValidFiles))]
    public void Every_leaf_can_be_replaced_and_removed_and_every_table_extended(string file)
    {
        var text = TomlParser.DecodeUtf8(TomlTestSuite.Read(file), file);
        var document = TomlParser.Parse(text);
        var leaves = new List<string[]>();
        var tables = new List<string[]> { Array.Empty<string>() };
        Walk(document, [], leaves, tables);

        foreach (var leaf in leaves)
        {
            var editor = TomlEditor.Parse(text);
            editor.Set(leaf, new TomlInteger(424242));
            Assert.Equal(424242, ((TomlInteger)Lookup(TomlParser.Parse(editor.Text), leaf)!).Value);

            editor = TomlEditor.Parse(text);
            Assert.True(editor.Remove(leaf));
            Assert.Null(Lookup(TomlParser.Parse(editor.Text), leaf));
        }
        foreach (var table in tables)
        {
            var editor = TomlEditor.Parse(text);
            string[] path = [.. table, "cdx-added"];
            editor.Set(path, new TomlString("new"));
            var reparsed = TomlParser.Parse(editor.Text);
            Assert.Equal("new", ((TomlString)Lookup(reparsed, path)!).Value);
            Assert.Equal(document.Count + (table.Length == 0 ? 1 : 0), reparsed.Count);
        }
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
                case TomlArray { IsArrayOfTables: true } a:
                    tables.Add(path);
                    Walk((TomlTable)a[a.Count - 1], path, leaves, tables);
                    break;
                default:
                    leaves.Add(path);
                    break;
            }
        }
    }

    private static TomlValue? Lookup(TomlTable root, string[] path)
    {
        TomlValue current = root;
        foreach (var part in path)
        {
            var table = current switch
            {
                TomlTable t => t,
                TomlArray { IsArrayOfTables: true } a => (TomlTable)a[a.Count - 1],
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
}
