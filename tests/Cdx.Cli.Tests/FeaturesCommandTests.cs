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
    public async Task Disable_of_a_feature_pinned_on_is_refused_and_config_stays_byte_identical()
    {
        var req = _w.Write("sys/requirements.toml", "[features]\nshell_tool = true\n");
        var cfg = _w.Write("home/config.toml", "model = \"o3\"\r\n[features]\r\nmemories = true # mine\r\n");
        var before = File.ReadAllBytes(cfg);
        var result = await _w.RunAsync("features", "disable", "shell_tool");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"feature `shell_tool` is pinned to true by requirements (set by {req})", result.Stderr);
        Assert.Equal(before, File.ReadAllBytes(cfg));
    }

    [Fact]
    public async Task Enable_with_malformed_requirements_stops_and_touches_neither_file()
    {
        var req = _w.Write("sys/requirements.toml", "[features\nmemories = false\n");
        var cfg = _w.Write("home/config.toml", "model = \"o3\"\n");
        var reqBefore = File.ReadAllBytes(req);
        var cfgBefore = File.ReadAllBytes(cfg);
        var result = await _w.RunAsync("features", "enable", "memories");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(req)}:1:\d+: ", result.Stderr);
        Assert.Equal(reqBefore, File.ReadAllBytes(req));
        Assert.Equal(cfgBefore, File.ReadAllBytes(cfg));
    }

    [Fact]
    public async Task Enable_with_a_malformed_user_config_stops_and_leaves_it_byte_identical()
    {
        var cfg = _w.Write("home/config.toml", "model = \"o3\"\n[features]\nmemories = tru\n");
        var before = File.ReadAllBytes(cfg);
        var result = await _w.RunAsync("features", "enable", "memories");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(cfg)}:3:\d+: ", result.Stderr);
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
