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
        var (leaves, tables) = DocumentPaths.Collect(document);

        foreach (var leaf in leaves)
        {
            var editor = TomlEditor.Parse(text);
            editor.Set(leaf, new TomlInteger(424242));
            Assert.Equal(424242, ((TomlInteger)DocumentPaths.Lookup(TomlParser.Parse(editor.Text), leaf)!).Value);

            editor = TomlEditor.Parse(text);
            Assert.True(editor.Remove(leaf));
            Assert.Null(DocumentPaths.Lookup(TomlParser.Parse(editor.Text), leaf));
        }
        foreach (var table in tables)
        {
            var editor = TomlEditor.Parse(text);
            string[] path = [.. table, "cdx-added"];
            editor.Set(path, new TomlString("new"));
            var reparsed = TomlParser.Parse(editor.Text);
            Assert.Equal("new", ((TomlString)DocumentPaths.Lookup(reparsed, path)!).Value);
            Assert.Equal(document.Count + (table.Length == 0 ? 1 : 0), reparsed.Count);
        }
    }
}
