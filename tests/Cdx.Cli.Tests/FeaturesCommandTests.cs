namespace Cdx.Cli.Tests;

public sealed class FeaturesCommandTests : IDisposable
{
    private readonly ConfigWorld _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public async Task Enable_of_a_pinned_feature_is_refused_and_config_stays_byte_identical()
    {
        var req = _w.Write("sys/requirements.toml", "[features]\nmemories = false\n");
        var text = "# my settings\nmodel = \"o3\"   # keep\n\n[features]\nshell_tool = true\n";
        var cfg = _w.Write("home/config.toml", text);
        var before = File.ReadAllBytes(cfg);
        var result = await _w.RunAsync("features", "enable", "memories");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("pinned to false", result.Stderr);
        Assert.Contains(req, result.Stderr);
        Assert.Equal(before, File.ReadAllBytes(cfg));
    }

    [Fact]
    public async Task Enable_writes_the_feature_and_keeps_comments()
    {
        var cfg = _w.Write("home/config.toml", "# my settings\nmodel = \"o3\"   # keep\n");
        var result = await _w.RunAsync("features", "enable", "memories");
        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(cfg);
        Assert.StartsWith("# my settings\nmodel = \"o3\"   # keep\n", text);
        Assert.Contains("memories = true", text);
        var list = await _w.RunAsync("features", "list");
        Assert.Matches(@"(?m)^memories\s+stable\s+true\s*$", list.Stdout);
    }

    [Fact]
    public async Task Disable_with_an_alias_writes_the_canonical_name()
    {
        var result = await _w.RunAsync("features", "disable", "codex_hooks");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("hooks = false", File.ReadAllText(Path.Combine(_w.Home, "config.toml")));
    }

    [Fact]
    public async Task List_shows_stage_value_and_pin()
    {
        var req = _w.Write("sys/requirements.toml", "[features]\nshell_tool = false\n");
        var result = await _w.RunAsync("features", "list");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"(?m)^shell_tool\s+stable\s+false\s+pinned \({System.Text.RegularExpressions.Regex.Escape(req)}\)$", result.Stdout);
        Assert.Matches(@"(?m)^multi_agent\s+deprecated\s+true$", result.Stdout);
    }

    [Fact]
    public async Task Enable_of_an_unknown_feature_fails_without_writing()
    {
        var result = await _w.RunAsync("features", "enable", "warp_drive");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Unknown feature flag: warp_drive", result.Stderr);
        Assert.False(File.Exists(Path.Combine(_w.Home, "config.toml")));
    }
}
