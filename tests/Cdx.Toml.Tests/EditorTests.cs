namespace Cdx.Toml.Tests;

public sealed class EditorTests
{
    private const string Commented = """
        # Top comment about the file
        model = "o3"   # the model we use

        # Providers below
        [model_providers.local]
        name = "Local"  # display name
        base_url = "http://127.0.0.1:8080"
        # trailing comment in section

        # Comment attached to the next header
        [profiles.fast]
        model = "o4-mini"
        """;

    [Fact]
    public void Adding_a_key_to_a_commented_file_keeps_every_comment()
    {
        var editor = TomlEditor.Parse(Commented);
        editor.Set(["model_providers", "local", "env_key"], new TomlString("LOCAL_KEY"));

        foreach (var line in Commented.Split('\n').Where(l => l.Contains('#')))
        {
            Assert.Contains(line, editor.Text);
        }
        Assert.Equal(Commented.Length + "env_key = \"LOCAL_KEY\"\n".Length, editor.Text.Length);
        Assert.Contains("base_url = \"http://127.0.0.1:8080\"\nenv_key = \"LOCAL_KEY\"\n# trailing comment in section", editor.Text);
        var table = (TomlTable)((TomlTable)editor.Document["model_providers"])["local"];
        Assert.Equal("LOCAL_KEY", ((TomlString)table["env_key"]).Value);
    }

    [Fact]
    public void Replacing_a_value_changes_only_the_value_bytes()
    {
        var editor = TomlEditor.Parse(Commented);
        editor.Set(["model"], new TomlString("gpt-5"));
        Assert.Equal(Commented.Replace("model = \"o3\"   # the model we use", "model = \"gpt-5\"   # the model we use"), editor.Text);
    }

    [Fact]
    public void Setting_a_key_in_a_missing_table_appends_a_section_at_the_end()
    {
        var editor = TomlEditor.Parse("a = 1\n");
        editor.Set(["mcp_servers", "docs", "command"], new TomlString("npx"));
        Assert.Equal("a = 1\n\n[mcp_servers.docs]\ncommand = \"npx\"\n", editor.Text);
    }

    [Fact]
    public void Setting_a_root_key_goes_before_the_first_header_and_its_comment_block()
    {
        var editor = TomlEditor.Parse("# about t\n[t]\nx = 1\n");
        editor.Set(["model"], new TomlString("o3"));
        Assert.Equal("model = \"o3\"\n\n# about t\n[t]\nx = 1\n", editor.Text);
    }

    [Fact]
    public void Setting_a_key_of_a_dotted_table_adds_a_dotted_key_in_the_same_section()
    {
        var editor = TomlEditor.Parse("[tools]\nweb.enabled = true # on\n\n[other]\n");
        editor.Set(["tools", "web", "mode"], new TomlString("live"));
        Assert.Equal("[tools]\nweb.enabled = true # on\nweb.mode = \"live\"\n\n[other]\n", editor.Text);
    }

    [Fact]
    public void Setting_a_key_of_an_inline_table_edits_inside_the_braces()
    {
        var editor = TomlEditor.Parse("env = { A = \"1\" } # keep\nempty = {}\n");
        editor.Set(["env", "B"], new TomlString("2"));
        editor.Set(["empty", "x"], new TomlInteger(3));
        Assert.Equal("env = { A = \"1\", B = \"2\" } # keep\nempty = { x = 3 }\n", editor.Text);
    }

    [Fact]
    public void Setting_a_table_value_writes_sections_with_sub_tables()
    {
        var server = new TomlTable();
        server.Add("command", new TomlString("npx"));
        server.Add("args", new TomlArray([new TomlString("-y"), new TomlString("srv")]));
        var env = new TomlTable();
        env.Add("TOKEN", new TomlString("x"));
        server.Add("env", env);
        var editor = TomlEditor.Parse("model = \"o3\"\n");
        editor.Set(["mcp_servers", "s"], server);
        Assert.Equal(
            "model = \"o3\"\n\n[mcp_servers.s]\ncommand = \"npx\"\nargs = [\"-y\", \"srv\"]\n\n[mcp_servers.s.env]\nTOKEN = \"x\"\n",
            editor.Text);
    }

    [Fact]
    public void Replacing_a_section_table_with_a_scalar_removes_the_section()
    {
        var editor = TomlEditor.Parse("a = 1\n[t]\nx = 1\n[t.sub]\ny = 2\n# about u\n[u]\nz = 3\n");
        editor.Set(["t"], new TomlBoolean(false));
        Assert.Equal("a = 1\nt = false\n# about u\n[u]\nz = 3\n", editor.Text);
    }

    [Fact]
    public void Removing_a_key_removes_its_line_only()
    {
        var editor = TomlEditor.Parse(Commented);
        Assert.True(editor.Remove(["model_providers", "local", "name"]));
        Assert.Equal(Commented.Replace("name = \"Local\"  # display name\n", ""), editor.Text);
    }

    [Fact]
    public void Removing_a_multi_line_value_removes_all_its_lines()
    {
        var editor = TomlEditor.Parse("a = [\n  1, # one\n  2,\n]\nb = 2\n");
        Assert.True(editor.Remove(["a"]));
        Assert.Equal("b = 2\n", editor.Text);
    }

    [Fact]
    public void Removing_a_table_removes_its_sections_and_dotted_keys_but_keeps_the_next_header_comment()
    {
        var editor = TomlEditor.Parse(Commented);
        Assert.True(editor.Remove(["model_providers"]));
        Assert.Equal(
            "# Top comment about the file\nmodel = \"o3\"   # the model we use\n\n# Providers below\n# Comment attached to the next header\n[profiles.fast]\nmodel = \"o4-mini\"",
            editor.Text);
    }

    [Theory]
    [InlineData("a", "t = { b = 2, c = 3 }")]
    [InlineData("b", "t = { a = 1, c = 3 }")]
    [InlineData("c", "t = { a = 1, b = 2 }")]
    public void Removing_an_inline_entry_keeps_the_commas_valid(string key, string expected)
    {
        var editor = TomlEditor.Parse("t = { a = 1, b = 2, c = 3 }");
        Assert.True(editor.Remove(["t", key]));
        Assert.Equal(expected, editor.Text);
    }

    [Fact]
    public void Removing_a_dotted_table_inside_an_inline_table_removes_all_its_entries()
    {
        var editor = TomlEditor.Parse("t = { x = 0, a.b = 1, a.c = 2 }\n");
        Assert.True(editor.Remove(["t", "a"]));
        Assert.Equal("t = { x = 0 }\n", editor.Text);
    }

    [Fact]
    public void Removing_a_missing_key_returns_false_and_changes_nothing()
    {
        var editor = TomlEditor.Parse(Commented);
        Assert.False(editor.Remove(["nope", "x"]));
        Assert.False(editor.Remove(["model", "x"]));
        Assert.Equal(Commented, editor.Text);
    }

    [Fact]
    public void Setting_below_a_string_is_a_typed_error_and_leaves_the_text_unchanged()
    {
        var editor = TomlEditor.Parse(Commented);
        var ex = Assert.Throws<TomlEditException>(() => editor.Set(["model", "x"], new TomlInteger(1)));
        Assert.Contains("'model' holds a string (at 2:9)", ex.Message);
        Assert.Equal(Commented, editor.Text);
    }

    [Fact]
    public void Keys_that_need_quotes_are_written_quoted()
    {
        var editor = TomlEditor.Parse("");
        editor.Set(["projects", "/home/me/repo", "trust_level"], new TomlString("trusted"));
        Assert.Equal("[projects.\"/home/me/repo\"]\ntrust_level = \"trusted\"\n", editor.Text);
        Assert.True(((TomlTable)((TomlTable)editor.Document["projects"])["/home/me/repo"]).ContainsKey("trust_level"));
    }

    [Fact]
    public void Crlf_files_get_crlf_lines()
    {
        var editor = TomlEditor.Parse("[t]\r\nx = 1\r\n");
        editor.Set(["t", "y"], new TomlInteger(2));
        Assert.Equal("[t]\r\nx = 1\r\ny = 2\r\n", editor.Text);
    }

    [Fact]
    public void Setting_in_an_array_of_tables_targets_the_last_element()
    {
        var editor = TomlEditor.Parse("[[p]]\nn = 1\n[[p]]\nn = 2\n");
        editor.Set(["p", "m"], new TomlInteger(9));
        Assert.Equal("[[p]]\nn = 1\n[[p]]\nn = 2\nm = 9\n", editor.Text);
    }

    [Fact]
    public void Parse_rejects_invalid_toml_with_the_parser_error()
    {
        Assert.Throws<TomlParseException>(() => TomlEditor.Parse("a = \n"));
    }
}
