using Cdx.Config.Layers;
using Cdx.Toml;

namespace Cdx.Config.Tests;

public sealed class OverrideTests
{
    [Fact]
    public void Splits_on_the_first_equals_sign_only()
    {
        var o = CliOverride.Parse("developer_instructions=a=b");
        Assert.Equal(["developer_instructions"], o.KeyPath);
        Assert.Equal("a=b", ((TomlString)o.Value).Value);
    }

    [Fact]
    public void Key_and_value_are_trimmed()
    {
        var o = CliOverride.Parse(" sandbox_mode = workspace-write ");
        Assert.Equal(["sandbox_mode"], o.KeyPath);
        Assert.Equal("workspace-write", ((TomlString)o.Value).Value);
    }

    [Theory]
    [InlineData("model=o3", "o3")]
    [InlineData("model=\"o3\"", "o3")]
    [InlineData("flag=\"true\"", "true")]
    [InlineData("x={\"a\": 1}", "{\"a\": 1}")]
    public void Values_that_are_not_toml_or_are_toml_strings_become_strings(string raw, string expected)
    {
        Assert.Equal(expected, ((TomlString)CliOverride.Parse(raw).Value).Value);
    }

    [Fact]
    public void Toml_values_keep_their_type()
    {
        Assert.True(((TomlBoolean)CliOverride.Parse("flag=true").Value).Value);
        Assert.Equal(42, ((TomlInteger)CliOverride.Parse("n=42").Value).Value);
        var arr = (TomlArray)CliOverride.Parse("shell_environment_policy.include_only=[\"PATH\",\"HOME\"]").Value;
        Assert.Equal(2, arr.Count);
        var table = (TomlTable)CliOverride.Parse("x={a = 1, b = 2}").Value;
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void Dotted_keys_split_on_every_dot()
    {
        Assert.Equal(["a", "b", "c"], CliOverride.Parse("a.b.c=1").KeyPath);
    }

    [Fact]
    public void Missing_equals_is_an_error_naming_the_argument()
    {
        var ex = Assert.Throws<ConfigException>(() => CliOverride.Parse("model"));
        Assert.Contains("Invalid override (missing '='): model", ex.Message);
    }

    [Fact]
    public void Empty_key_is_an_error()
    {
        var ex = Assert.Throws<ConfigException>(() => CliOverride.Parse(" =x"));
        Assert.Contains("Empty key in override:  =x", ex.Message);
    }

    [Fact]
    public async Task Later_override_of_the_same_key_wins()
    {
        using var s = new Scratch();
        var e = await s.LoadAsync("model=first", "model=second");
        Assert.Equal("second", e.Config.Model);
    }

    [Fact]
    public async Task Override_through_a_scalar_replaces_it_with_a_table()
    {
        using var s = new Scratch();
        s.User("history = 5\n");
        var e = await s.LoadAsync("history.persistence=none");
        Assert.Equal(Model.HistoryPersistence.None, e.Config.History.Persistence);
    }

    [Fact]
    public async Task Invalid_enum_from_override_names_the_flag()
    {
        using var s = new Scratch();
        var ex = await Assert.ThrowsAsync<ConfigException>(() => s.LoadAsync("sandbox_mode=bogus"));
        Assert.Contains("-c sandbox_mode=bogus", ex.Message);
        Assert.Contains("unknown variant `bogus`", ex.Message);
    }
}
