namespace Cdx.Toml.Tests;

/// <summary>The document model: values, order, and the source positions later layers cite.</summary>
public sealed class ParserModelTests
{
    [Fact]
    public void Values_and_keys_carry_line_column_and_file()
    {
        var doc = TomlParser.Parse("# c\nmodel = \"o3\"\n\n[profiles.fast]\n  effort =   'high'\n", "/etc/codex/config.toml");
        var model = doc["model"];
        Assert.Equal(new TomlPosition(2, 9), model.Position);
        Assert.Equal("/etc/codex/config.toml", model.SourcePath);
        Assert.True(doc.TryGetKeyPosition("model", out var keyPos));
        Assert.Equal(new TomlPosition(2, 1), keyPos);

        var fast = (TomlTable)((TomlTable)doc["profiles"])["fast"];
        Assert.Equal(new TomlPosition(4, 1), fast.Position);
        Assert.Equal(new TomlPosition(5, 14), fast["effort"].Position);
        Assert.True(fast.TryGetKeyPosition("effort", out var effortKey));
        Assert.Equal(new TomlPosition(5, 3), effortKey);
    }

    [Fact]
    public void Positions_after_multi_line_values_are_on_the_right_line()
    {
        var doc = TomlParser.Parse("a = \"\"\"\none\ntwo\"\"\"\nb = [\n 1,\n 2 ]\nc.d = 3\n");
        Assert.Equal(new TomlPosition(1, 5), doc["a"].Position);
        Assert.Equal(new TomlPosition(4, 5), doc["b"].Position);
        Assert.Equal(new TomlPosition(6, 2), ((TomlArray)doc["b"])[1].Position);
        var c = (TomlTable)doc["c"];
        Assert.Equal(new TomlPosition(7, 1), c.Position);
        Assert.Equal(new TomlPosition(7, 7), c["d"].Position);
    }

    [Fact]
    public void Tables_keep_insertion_order()
    {
        var doc = TomlParser.Parse("z = 1\na = 2\nm = 3\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"k{19 - i} = {i}\n")));
        Assert.Equal(["z", "a", "m", .. Enumerable.Range(0, 20).Select(i => $"k{19 - i}")], doc.Keys.ToArray());
        Assert.Equal(5L, ((TomlInteger)doc["k14"]).Value);
    }

    [Fact]
    public void Every_value_type_is_decoded()
    {
        var doc = TomlParser.Parse(""""
            s = "tab\there \u00e9 \U0001F600"
            l = 'C:\path'
            ml = '''
            raw \n'''
            mb = """\
                   folded \
                   line"""
            h = 0xDEAD_beef
            o = 0o755
            b = 0b1010
            max = 9223372036854775807
            min = -9223372036854775808
            f = 6.626e-34
            inf = -inf
            nan = nan
            t = true
            odt = 1979-05-27 07:32:00.5-07:00
            ldt = 1979-05-27t07:32:00
            ld = 1979-05-27
            lt = 00:32:00.999999
            """");
        Assert.Equal("tab\there é 😀", ((TomlString)doc["s"]).Value);
        Assert.Equal("C:\\path", ((TomlString)doc["l"]).Value);
        Assert.Equal("raw \\n", ((TomlString)doc["ml"]).Value);
        Assert.Equal("folded line", ((TomlString)doc["mb"]).Value);
        Assert.Throws<TomlParseException>(() => TomlParser.Parse("i = -0x10"));
        Assert.Equal(0xDEADBEEF, ((TomlInteger)doc["h"]).Value);
        Assert.Equal(493, ((TomlInteger)doc["o"]).Value);
        Assert.Equal(10, ((TomlInteger)doc["b"]).Value);
        Assert.Equal(long.MaxValue, ((TomlInteger)doc["max"]).Value);
        Assert.Equal(long.MinValue, ((TomlInteger)doc["min"]).Value);
        Assert.Equal(6.626e-34, ((TomlFloat)doc["f"]).Value);
        Assert.Equal(double.NegativeInfinity, ((TomlFloat)doc["inf"]).Value);
        Assert.True(double.IsNaN(((TomlFloat)doc["nan"]).Value));
        Assert.True(((TomlBoolean)doc["t"]).Value);
        var odt = (TomlDateTime)doc["odt"];
        Assert.Equal((TomlDateTimeKind.OffsetDateTime, "1979-05-27T07:32:00.5-07:00"), (odt.Kind, odt.Text));
        Assert.Equal("1979-05-27T07:32:00", ((TomlDateTime)doc["ldt"]).Text);
        Assert.Equal(TomlDateTimeKind.LocalDate, ((TomlDateTime)doc["ld"]).Kind);
        Assert.Equal(TomlDateTimeKind.LocalTime, ((TomlDateTime)doc["lt"]).Kind);
    }

    [Fact]
    public void Arrays_of_tables_and_inline_tables_are_marked()
    {
        var doc = TomlParser.Parse("x = { a = 1 }\ny = [{ b = 2 }]\n[[z]]\n[[z]]\nc = 3\n");
        Assert.True(((TomlTable)doc["x"]).IsInline);
        Assert.False(((TomlArray)doc["y"]).IsArrayOfTables);
        var z = (TomlArray)doc["z"];
        Assert.True(z.IsArrayOfTables);
        Assert.Equal(2, z.Count);
        Assert.Equal(3L, ((TomlInteger)((TomlTable)z[1])["c"]).Value);
    }

    [Fact]
    public void Dotted_keys_may_add_sub_tables_under_headers_but_not_redefine_them()
    {
        var doc = TomlParser.Parse("[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true\n");
        var apple = (TomlTable)((TomlTable)doc["fruit"])["apple"];
        Assert.Equal(["color", "taste", "texture"], apple.Keys.ToArray());
        Assert.Throws<TomlParseException>(() => TomlParser.Parse("[fruit]\napple.color = \"red\"\n[fruit.apple]\n"));
        Assert.Throws<TomlParseException>(() => TomlParser.Parse("[fruit]\napple.taste.sweet = true\n[fruit.apple.taste]\n"));
    }

    [Fact]
    public void Parse_value_reads_one_value_and_rejects_trailing_text()
    {
        Assert.Equal(["a", "b"], ((TomlArray)TomlParser.ParseValue("[\"a\", \"b\"]")).Select(v => ((TomlString)v).Value).ToArray());
        Assert.Equal(3L, ((TomlInteger)((TomlTable)TomlParser.ParseValue("{ x = 3 }"))["x"]).Value);
        var ex = Assert.Throws<TomlParseException>(() => TomlParser.ParseValue("gpt-5", "-c model"));
        Assert.StartsWith("-c model:1:1: expected a value", ex.Message, StringComparison.Ordinal);
        Assert.Throws<TomlParseException>(() => TomlParser.ParseValue("1 2"));
        Assert.Throws<TomlParseException>(() => TomlParser.ParseValue(""));
    }

    [Fact]
    public void Parse_key_path_splits_dotted_and_quoted_keys()
    {
        Assert.Equal(["a", "b.c", "d", ""], TomlParser.ParseKeyPath("a.\"b.c\" . d.''"));
        Assert.Equal(["projects", "/home/me"], TomlParser.ParseKeyPath("projects.\"/home/me\""));
        Assert.Throws<TomlParseException>(() => TomlParser.ParseKeyPath("a..b"));
        Assert.Throws<TomlParseException>(() => TomlParser.ParseKeyPath("a b"));
        Assert.Throws<TomlParseException>(() => TomlParser.ParseKeyPath(""));
    }

    [Fact]
    public void Date_time_parse_accepts_dates_and_rejects_other_values()
    {
        Assert.Equal(TomlDateTimeKind.LocalDate, TomlDateTime.Parse("2024-02-29").Kind);
        Assert.Throws<TomlParseException>(() => TomlDateTime.Parse("42"));
    }
}
