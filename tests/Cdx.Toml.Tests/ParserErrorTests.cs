namespace Cdx.Toml.Tests;

/// <summary>Error messages: `path:line:col: reason`, the offending line, and a caret under the column.</summary>
public sealed class ParserErrorTests
{
    private static TomlParseException Error(string text, string? path = "config.toml") =>
        Assert.Throws<TomlParseException>(() => TomlParser.Parse(text, path));

    [Fact]
    public void Duplicate_key_names_both_places_and_shows_a_caret()
    {
        var ex = Error("a = 1\n[t]\nmodel = \"x\"\n  model = \"y\"\n");
        Assert.Equal(4, ex.Line);
        Assert.Equal(3, ex.Column);
        Assert.Equal("duplicate key 'model' (first defined at 3:1); remove one of the two definitions", ex.Reason);
        Assert.Equal("  model = \"y\"", ex.SourceLine);
        Assert.Equal(
            "config.toml:4:3: duplicate key 'model' (first defined at 3:1); remove one of the two definitions\n    model = \"y\"\n    ^",
            ex.Message);
    }

    [Fact]
    public void Input_without_a_path_is_called_input()
    {
        Assert.StartsWith("<input>:1:5: ", Error("a = ", null).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_count_unicode_scalars_not_utf16_units()
    {
        var ex = Error("k = \"😀é\" x\n");
        Assert.Equal(10, ex.Column);
        Assert.EndsWith("\n  " + new string(' ', 9) + "^", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Caret_line_keeps_tabs_so_it_lines_up()
    {
        var ex = Error("\tk = @\n");
        Assert.Equal(6, ex.Column);
        Assert.EndsWith("\n  \t    ^", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a = 9223372036854775808", 1, 5, "integer is out of the 64-bit range")]
    [InlineData("a = -9223372036854775809", 1, 5, "integer is out of the 64-bit range")]
    [InlineData("a = 0x8000000000000000", 1, 5, "integer is out of the 64-bit range")]
    [InlineData("a = 012", 1, 5, "leading zeros")]
    [InlineData("a = 1__2", 1, 6, "'_' in a number must sit between two digits")]
    [InlineData("a = \"\\q\"", 1, 6, "invalid escape sequence '\\q'")]
    [InlineData("a = \"\\uD800\"", 1, 6, "not a Unicode scalar value")]
    [InlineData("a = 2021-02-29", 1, 13, "invalid day 29 for 2021-02")]
    [InlineData("a = 07:32", 1, 10, "seconds are required")]
    [InlineData("a = { b = 1, }", 1, 13, "trailing comma")]
    [InlineData("a = { b = 1\n}", 1, 12, "inline table is not closed on its line")]
    [InlineData("a = [1, 2", 1, 5, "unterminated array")]
    [InlineData("a = \"abc\nb = 1", 1, 5, "unterminated string")]
    [InlineData("a = TRUE", 1, 5, "strings must be quoted")]
    [InlineData("a = 1\r b = 2", 1, 6, "carriage return")]
    [InlineData("# bad \u0001 comment", 1, 7, "control character U+0001 is not allowed in a comment")]
    [InlineData("[a]\n[a]", 2, 1, "table [a] is already defined at 1:1")]
    [InlineData("a.b = 1\n[a]", 2, 1, "table [a] is already defined by dotted keys at 1:1")]
    [InlineData("[a.b.c]\nz = 9\n[a]\nb.c.t = 1", 4, 3, "cannot extend table 'b.c' with a dotted key")]
    [InlineData("a = { b = 1 }\na.c = 2", 2, 1, "cannot add keys to inline table 'a'")]
    [InlineData("a = { b = 1 }\n[a.c]", 2, 2, "cannot add to inline table 'a'")]
    [InlineData("a = [1]\n[[a]]", 2, 1, "static arrays are complete")]
    [InlineData("[[a]]\n[a]", 2, 1, "use [[a]] to add an element")]
    [InlineData("a = 1\na.b = 2", 2, 1, "key 'a' already holds a integer")]
    [InlineData("\"\"\"k\"\"\" = 1", 1, 1, "a key cannot be a multi-line string")]
    [InlineData("k = '''a''''''", 1, 14, "too many ' characters")]
    public void Invalid_input_is_reported_at_the_right_place(string text, int line, int column, string reasonPart)
    {
        var ex = Error(text);
        Assert.Contains(reasonPart, ex.Reason, StringComparison.Ordinal);
        Assert.Equal((line, column), (ex.Line, ex.Column));
        Assert.StartsWith($"config.toml:{line}:{column}: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_a_parse_error_at_the_byte()
    {
        var ex = Assert.Throws<TomlParseException>(() => TomlParser.ParseUtf8("a = 1\nb = \"x\u00ff"u8.ToArray().Concat(new byte[] { 0xC3, 0x28, 0x22 }).ToArray(), "f.toml"));
        Assert.Equal(2, ex.Line);
        Assert.Equal(8, ex.Column);
        Assert.Contains("invalid UTF-8 byte 0xC3", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_file_reports_the_file_path()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "bad.toml");
        File.WriteAllText(path, "x = \n");
        var ex = Assert.Throws<TomlParseException>(() => TomlParser.ParseFile(path));
        Assert.Equal(path, ex.SourcePath);
        Assert.StartsWith(path + ":1:5: expected a value", ex.Message, StringComparison.Ordinal);
    }
}
