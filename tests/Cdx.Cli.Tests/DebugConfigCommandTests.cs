using System.Text.Json.Nodes;

namespace Cdx.Cli.Tests;

public sealed class DebugConfigCommandTests : IDisposable
{
    private readonly ConfigWorld _w = new();

    public void Dispose() => _w.Dispose();

    private static string? Str(JsonNode? n) => n?.GetValue<string>();

    [Fact]
    public async Task Json_has_config_origins_requirements_and_notices()
    {
        var json = await _w.DebugConfigAsync();
        Assert.IsType<JsonObject>(json["config"]);
        Assert.IsType<JsonObject>(json["origins"]);
        Assert.IsType<JsonObject>(json["requirements"]);
        Assert.IsType<JsonArray>(json["notices"]);
        Assert.Equal("read-only", Str(json["config"]!["sandbox_mode"]));
        Assert.Equal("on-request", Str(json["config"]!["approval_policy"]));
        Assert.Equal(6, json["config"]!["agents"]!["max_threads"]!.GetValue<int>());
        Assert.Equal("cached", Str(json["config"]!["web_search"]));
    }

    [Fact]
    public async Task Precedence_system_user_profile_project_cli_and_managed()
    {
        var sys = _w.Write("sys/config.toml", "model = \"sys\"\nmodel_verbosity = \"low\"\nreview_model = \"r-sys\"\n");
        _w.Write("home/config.toml", $"model = \"user\"\nreview_model = \"r-user\"\n[projects.\"{_w.Project}\"]\ntrust_level = \"trusted\"\n");
        var profile = _w.Write("home/p.config.toml", "review_model = \"r-profile\"\nmodel_reasoning_effort = \"low\"\n");
        var project = _w.Write("repo/.codex/config.toml", "model_reasoning_effort = \"high\"\n");
        var managed = _w.Write("sys/managed_config.toml", "model_reasoning_summary = \"concise\"\n");
        var json = await _w.DebugConfigAsync("--profile", "p", "-c", "model=cli", "-c", "model_reasoning_summary=detailed");
        var c = json["config"]!;
        var o = json["origins"]!;
        Assert.Equal("cli", Str(c["model"]));
        Assert.StartsWith("-c", Str(o["model"]));
        Assert.Equal("low", Str(c["model_verbosity"]));
        Assert.StartsWith(sys, Str(o["model_verbosity"]));
        Assert.Equal("r-profile", Str(c["review_model"]));
        Assert.StartsWith(profile, Str(o["review_model"]));
        Assert.Equal("high", Str(c["model_reasoning_effort"]));
        Assert.Equal($"{project}:1", Str(o["model_reasoning_effort"]));
        Assert.Equal("concise", Str(c["model_reasoning_summary"]));
        Assert.StartsWith(managed, Str(o["model_reasoning_summary"]));
    }

    [Fact]
    public async Task Cd_flag_selects_the_project_and_untrusted_layers_are_reported()
    {
        var project = _w.Write("repo/.codex/config.toml", "model = \"project\"\n");
        var result = await _w.RunAsync("debug", "config", "--json", "-C", _w.Project);
        var json = JsonNode.Parse(result.Stdout)!;
        Assert.Null(json["config"]!["model"]);
        Assert.Contains(json["notices"]!.AsArray(), n => Str(n)!.Contains(project) && Str(n)!.Contains("not trusted"));
    }

    [Fact]
    public async Task Requirements_fallback_mcp_allowlist_and_feature_pins_show_in_json()
    {
        var req = _w.Write("sys/requirements.toml", """
            allowed_sandbox_modes = ["read-only", "workspace-write"]
            [features]
            memories = false
            [mcp_servers.docs]
            identity = { command = "docs-mcp" }
            """);
        _w.Write("home/config.toml", "sandbox_mode = \"danger-full-access\"\n[features]\nmemories = true\n[mcp_servers.docs]\ncommand = \"docs-mcp\"\n[mcp_servers.rogue]\ncommand = \"rogue\"\n");
        var json = await _w.DebugConfigAsync();
        var c = json["config"]!;
        Assert.Equal("read-only", Str(c["sandbox_mode"]));
        Assert.Contains(req, Str(json["origins"]!["sandbox_mode"]));
        Assert.False(c["features"]!["memories"]!.GetValue<bool>());
        Assert.True(c["mcp_servers"]!["docs"]!["enabled"]!.GetValue<bool>());
        Assert.False(c["mcp_servers"]!["rogue"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(["read-only", "workspace-write"], json["requirements"]!["allowed_sandbox_modes"]!.AsArray().Select(Str));
        var notices = json["notices"]!.AsArray().Select(Str).ToArray();
        Assert.Contains(notices, n => n!.StartsWith("Configured value for `sandbox_mode` is disallowed by requirements"));
        Assert.Contains(notices, n => n!.Contains("`rogue`"));
    }

    [Fact]
    public async Task Legacy_managed_config_is_a_requirement_and_a_top_layer()
    {
        var managed = _w.Write("sys/managed_config.toml", "sandbox_mode = \"workspace-write\"\n");
        var json = await _w.DebugConfigAsync("-s", "danger-full-access");
        Assert.Equal("workspace-write", Str(json["config"]!["sandbox_mode"]));
        Assert.Equal(["read-only", "workspace-write"], json["requirements"]!["allowed_sandbox_modes"]!.AsArray().Select(Str));
        Assert.StartsWith(managed, Str(json["origins"]!["sandbox_mode"]));
    }

    [Fact]
    public async Task Enable_flag_and_text_output_name_the_origin()
    {
        var result = await _w.RunAsync("debug", "config", "--enable", "memories");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("features.memories = true    # --enable memories", result.Stdout);
    }

    [Fact]
    public async Task Malformed_requirements_stop_with_path_line_col_and_leave_the_file_alone()
    {
        var text = "allowed_sandbox_modes = [\"read-only\"\n";
        var req = _w.Write("sys/requirements.toml", text);
        var before = File.ReadAllBytes(req);
        var result = await _w.RunAsync("debug", "config", "--json");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(req)}:\d+:\d+: ", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal(before, File.ReadAllBytes(req));
    }

    [Fact]
    public async Task Invalid_requirements_value_stops_with_path_line_col()
    {
        var req = _w.Write("sys/requirements.toml", "allowed_approval_policies = []\n");
        var result = await _w.RunAsync("debug", "config");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"{req}:1:29: field `allowed_approval_policies` cannot be empty", result.Stderr);
    }

    [Fact]
    public async Task Malformed_user_config_stops_with_path_line_col_and_leaves_the_file_alone()
    {
        var text = "model = \"o3\"\nmodel = \"dup\"\n";
        var cfg = _w.Write("home/config.toml", text);
        var before = File.ReadAllBytes(cfg);
        var result = await _w.RunAsync("debug", "config", "--json");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(cfg)}:2:\d+: ", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal(before, File.ReadAllBytes(cfg));
    }

    [Fact]
    public async Task Override_without_equals_and_unknown_enable_are_errors()
    {
        var r1 = await _w.RunAsync("debug", "config", "-c", "model");
        Assert.NotEqual(0, r1.ExitCode);
        Assert.Contains("Invalid override (missing '='): model", r1.Stderr);
        var r2 = await _w.RunAsync("debug", "config", "--enable", "warp_drive");
        Assert.NotEqual(0, r2.ExitCode);
        Assert.Contains("Unknown feature flag: warp_drive", r2.Stderr);
    }
}
