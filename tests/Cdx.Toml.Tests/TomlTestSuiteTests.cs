using System.Text.Json;
using Cdx.Testing;

namespace Cdx.Toml.Tests;

/// <summary>The toml-test suite (TOML 1.0.0 file list) run in-process against the parser.</summary>
public sealed class TomlTestSuiteTests
{
    public static IEnumerable<object[]> ValidFiles => TomlTestSuite.Rows("1.0.0", "valid/");

    public static IEnumerable<object[]> InvalidFiles => TomlTestSuite.Rows("1.0.0", "invalid/");

    [SharedSuiteTheory]
    [MemberData(nameof(ValidFiles))]
    public void Valid_suite_file_decodes_to_the_expected_tagged_json(string file)
    {
        var document = TomlParser.ParseUtf8(TomlTestSuite.Read(file), file);
        using var got = JsonDocument.Parse(TomlTaggedJson.ToJson(document));
        using var want = JsonDocument.Parse(TomlTestSuite.Read(file[..^5] + ".json"));
        Assert.Null(TomlTestSuite.Diff(got.RootElement, want.RootElement));
    }

    [SharedSuiteTheory]
    [MemberData(nameof(InvalidFiles))]
    public void Invalid_suite_file_is_rejected_with_a_positioned_error(string file)
    {
        var ex = Assert.Throws<TomlParseException>(() => TomlParser.ParseUtf8(TomlTestSuite.Read(file), file));
        Assert.True(ex.Line >= 1 && ex.Column >= 1, ex.Message);
        Assert.StartsWith($"{file}:{ex.Line}:{ex.Column}: ", ex.Message, StringComparison.Ordinal);
    }

    [SharedSuiteFact]
    public void Suite_lists_the_709_files_of_toml_1_0_0()
    {
        Assert.Equal(709, TomlTestSuite.Files("1.0.0", "valid/").Count() + TomlTestSuite.Files("1.0.0", "invalid/").Count());
    }
}
