using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cdx.Cli.Tests;

/// <summary>
/// Scenarios from spec/config.md and spec/requirements.md driven through the real
/// `cdx debug config --json` with a scratch CODEX_HOME and CDX_SYSTEM_CONFIG_DIR.
/// </summary>
public sealed class ConfigScenarioTests : IDisposable
{
    private readonly ConfigWorld _w = new();

    public void Dispose() => _w.Dispose();

    private static string? Str(JsonNode? n) => n?.GetValue<string>();

    private static string[] Notices(JsonObject json) => json["notices"]!.AsArray().Select(n => Str(n)!).ToArray();

    private string Trust(string level = "trusted", string extra = "") =>
        _w.Write("home/config.toml", $"{extra}\n[projects.\"{_w.Project}\"]\ntrust_level = \"{level}\"\n");

    [Fact]
    public async Task Untrusted_project_is_skipped_with_a_notice_and_derives_workspace_write_untrusted()
    {
        Trust("untrusted");
        var project = _w.Write("repo/.codex/config.toml", "model = \"from-project\"\n");
        var json = await _w.DebugConfigAsync();
        Assert.Null(json["config"]!["model"]);
        Assert.Equal("workspace-write", Str(json["config"]!["sandbox_mode"]));
        Assert.Equal("untrusted", Str(json["config"]!["approval_policy"]));
        Assert.Contains(Notices(json), n => n.Contains(project) && n.Contains("untrusted") && n.Contains("trust_level = \"trusted\""));
    }

    [Fact]
    public async Task Trusted_project_loads_and_derived_defaults_name_the_trust_decision()
    {
        Trust();
        var project = _w.Write("repo/.codex/config.toml", "model = \"from-project\"\n");
        var json = await _w.DebugConfigAsync();
        Assert.Equal("from-project", Str(json["config"]!["model"]));
        Assert.Equal($"{project}:1", Str(json["origins"]!["model"]));
        Assert.Equal("workspace-write", Str(json["config"]!["sandbox_mode"]));
        Assert.Contains("derived", Str(json["origins"]!["approval_policy"]));
        Assert.Empty(Notices(json));
    }

    [Fact]
    public async Task Explicit_disallowed_approval_policy_falls_back_with_the_codex_warning_text()
    {
        var req = _w.Write("sys/requirements.toml", "allowed_approval_policies = [\"untrusted\", \"on-request\"]\n");
        var json = await _w.DebugConfigAsync("-a", "never");
        Assert.Equal("untrusted", Str(json["config"]!["approval_policy"]));
        Assert.Contains(
            "Configured value for `approval_policy` is disallowed by requirements; falling back to required value untrusted. " +
            $"Details: invalid value for `approval_policy`: `never` is not in the allowed set [untrusted, on-request] (set by {req})",
            Notices(json));
        Assert.True(json["constraints"]!["approval_policy"]!["fallback_applied"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Derived_approval_policy_falls_back_silently_but_derived_sandbox_warns()
    {
        Trust();
        _w.Write("sys/requirements.toml", "allowed_approval_policies = [\"never\", \"untrusted\"]\nallowed_sandbox_modes = [\"read-only\", \"danger-full-access\"]\n");
        var json = await _w.DebugConfigAsync();
        Assert.Equal("never", Str(json["config"]!["approval_policy"]));
        Assert.Equal("read-only", Str(json["config"]!["sandbox_mode"]));
        var notices = Notices(json);
        Assert.DoesNotContain(notices, n => n.Contains("`approval_policy`"));
        Assert.Contains(notices, n => n.StartsWith("Configured value for `sandbox_mode` is disallowed by requirements; falling back to required value read-only.")
            && n.Contains("`workspace-write` is not in the allowed set [read-only, danger-full-access]"));
    }

    [Fact]
    public async Task Empty_web_search_allowlist_still_counts_as_set_and_allows_only_disabled()
    {
        _w.Write("sys/requirements.toml", "allowed_web_search_modes = []\n");
        var json = await _w.DebugConfigAsync("--search");
        Assert.Equal("disabled", Str(json["config"]!["web_search"]));
        Assert.Equal(["disabled"], json["requirements"]!["allowed_web_search_modes"]!.AsArray().Select(Str));
        Assert.Contains(Notices(json), n => n.StartsWith("Configured value for `web_search_mode` is disallowed") && n.Contains("`live`"));
    }

    [Fact]
    public async Task Legacy_managed_config_wins_per_field_over_the_system_file_and_sources_are_reported()
    {
        var req = _w.Write("sys/requirements.toml", "allowed_approval_policies = [\"on-request\"]\nallowed_web_search_modes = [\"cached\"]\n");
        var managed = _w.Write("sys/managed_config.toml", "approval_policy = \"never\"\nsandbox_mode = \"danger-full-access\"\n");
        var json = await _w.DebugConfigAsync();
        var r = json["requirements"]!;
        Assert.Equal(["never"], r["allowed_approval_policies"]!.AsArray().Select(Str));
        Assert.Equal(["read-only", "danger-full-access"], r["allowed_sandbox_modes"]!.AsArray().Select(Str));
        Assert.Equal(["cached", "disabled"], r["allowed_web_search_modes"]!.AsArray().Select(Str));
        Assert.Equal(managed, Str(json["requirement_sources"]!["allowed_approval_policies"]));
        Assert.Equal(req, Str(json["requirement_sources"]!["allowed_web_search_modes"]));
        Assert.Equal("never", Str(json["config"]!["approval_policy"]));
        Assert.Equal("danger-full-access", Str(json["config"]!["sandbox_mode"]));
    }

    [Fact]
    public async Task Mcp_allowlist_checks_url_identity_and_an_empty_table_disables_everything()
    {
        _w.Write("home/config.toml", "[mcp_servers.web]\nurl = \"https://mcp.example/x\"\n[mcp_servers.other]\nurl = \"https://evil.example/x\"\n");
        _w.Write("sys/requirements.toml", "[mcp_servers.web]\nidentity = { url = \"https://mcp.example/x\" }\n[mcp_servers.other]\nidentity = { url = \"https://mcp.example/x\" }\n");
        var json = await _w.DebugConfigAsync();
        Assert.True(json["config"]!["mcp_servers"]!["web"]!["enabled"]!.GetValue<bool>());
        Assert.False(json["config"]!["mcp_servers"]!["other"]!["enabled"]!.GetValue<bool>());

        var req = _w.Write("sys/requirements.toml", "mcp_servers = {}\n");
        json = await _w.DebugConfigAsync();
        Assert.False(json["config"]!["mcp_servers"]!["web"]!["enabled"]!.GetValue<bool>());
        Assert.Contains(Notices(json), n => n.StartsWith($"MCP server `web` is disabled: requirements ({req})"));
        Assert.Empty(json["requirements"]!["mcp_servers"]!.AsObject());
    }

    [Fact]
    public async Task Override_values_split_on_the_first_equals_and_fall_back_to_strings()
    {
        var json = await _w.DebugConfigAsync(
            "-c", " model = a=b ", "-c", "hide_agent_reasoning=true", "-c", "developer_instructions=\"true\"",
            "-c", "compact_prompt={\"a\":1}", "-c", "shell_environment_policy.include_only=[\"PATH\",\"HOME\"]");
        var c = json["config"]!;
        Assert.Equal("a=b", Str(c["model"]));
        Assert.True(c["hide_agent_reasoning"]!.GetValue<bool>());
        Assert.Equal("true", Str(c["developer_instructions"]));
        Assert.Equal("{\"a\":1}", Str(c["compact_prompt"]));
        Assert.Equal(["PATH", "HOME"], c["shell_environment_policy"]!["include_only"]!.AsArray().Select(Str));
        Assert.Equal("-c  model = a=b ", Str(json["origins"]!["model"]));
    }

    [Fact]
    public async Task Disable_with_an_alias_sets_the_canonical_feature_above_config()
    {
        _w.Write("home/config.toml", "[features]\nhooks = true\n");
        var json = await _w.DebugConfigAsync("--disable", "codex_hooks");
        Assert.False(json["config"]!["features"]!["hooks"]!.GetValue<bool>());
        Assert.Equal("--disable codex_hooks", Str(json["origins"]!["features.hooks"]));
    }

    [Fact]
    public async Task Agent_config_file_resolves_from_the_system_config_folder()
    {
        var role = _w.Write("sys/agents/reviewer.toml", "developer_instructions = \"Review.\"\n");
        _w.Write("sys/config.toml", "[agents.reviewer]\ndescription = \"Reads diffs.\"\nconfig_file = \"agents/reviewer.toml\"\n");
        var json = await _w.DebugConfigAsync();
        var agents = json["config"]!["agents"]!;
        Assert.Equal(role, Str(agents["reviewer"]!["config_file"]));
        Assert.Equal(6, agents["max_threads"]!.GetValue<int>());
        Assert.Equal(1, agents["max_depth"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_field_in_an_agent_role_stops_with_its_place()
    {
        var cfg = _w.Write("home/config.toml", "[agents.reviewer]\ndescription = \"d\"\nmodle = \"x\"\n");
        var result = await _w.RunAsync("debug", "config", "--json");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"{cfg}:3:9: unknown field `modle` in `agents.reviewer`", result.Stderr);
    }

    [Fact]
    public async Task Requirement_rules_are_exposed_and_an_allow_decision_is_fatal()
    {
        _w.Write("sys/requirements.toml", """
            [rules]
            prefix_rules = [{ pattern = [{ token = "git" }, { any_of = ["push", "reset"] }], decision = "prompt", justification = "Needs a human." }]
            """);
        var json = await _w.DebugConfigAsync();
        var rule = json["requirements"]!["rules"]!["prefix_rules"]![0]!;
        Assert.Equal("prompt", Str(rule["decision"]));
        Assert.Equal(["push", "reset"], rule["pattern"]![1]!["any_of"]!.AsArray().Select(Str));

        var req = _w.Write("sys/requirements.toml", "[rules]\nprefix_rules = [{ pattern = [{ token = \"rm\" }], decision = \"allow\" }]\n");
        var result = await _w.RunAsync("debug", "config");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches($@"{Regex.Escape(req)}:2:\d+: rules prefix_rule at rule_index 0 has decision 'allow'", result.Stderr);
    }

    [Fact]
    public async Task Network_requirements_show_the_canonical_domain_table_and_reject_mixed_forms()
    {
        _w.Write("sys/requirements.toml", "[experimental_network]\nenabled = true\nallowed_domains = [\"a.example\", \"b.example\"]\ndenied_domains = [\"b.example\"]\n");
        var json = await _w.DebugConfigAsync();
        var domains = json["requirements"]!["experimental_network"]!["domains"]!;
        Assert.Equal("allow", Str(domains["a.example"]));
        Assert.Equal("deny", Str(domains["b.example"]));

        var req = _w.Write("sys/requirements.toml", "[experimental_network]\ndomains = { \"a.example\" = \"allow\" }\nallowed_domains = []\n");
        var result = await _w.RunAsync("debug", "config");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"{req}:2:", result.Stderr);
        Assert.Contains("cannot be combined", result.Stderr);
    }

    [Fact]
    public async Task Unknown_top_level_key_is_kept_and_listed_without_stopping()
    {
        var cfg = _w.Write("home/config.toml", "modle = \"typo\"\nmodel = \"o3\"\n");
        var json = await _w.DebugConfigAsync();
        Assert.Equal("typo", Str(json["config"]!["modle"]));
        Assert.Equal("o3", Str(json["config"]!["model"]));
        Assert.Contains(Notices(json), n => n.Contains("`modle`") && n.Contains($"{cfg}:1"));
    }

    [Fact]
    public async Task Never_with_requirements_that_forbid_full_access_stops_naming_both()
    {
        _w.Write("sys/requirements.toml", "allowed_sandbox_modes = [\"read-only\", \"workspace-write\"]\n");
        var result = await _w.RunAsync("debug", "config", "-c", "approval_policy=never");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("`approval_policy = \"never\"` cannot be used because requirements do not allow `sandbox_mode = \"danger-full-access\"`", result.Stderr);
    }

    [Fact]
    public async Task Oss_flag_selects_ollama_and_its_default_model()
    {
        _w.Write("home/config.toml", "model = \"gpt-5\"\n");
        var json = await _w.DebugConfigAsync("--oss");
        Assert.Equal("ollama", Str(json["config"]!["model_provider"]));
        Assert.Equal("gpt-oss:20b", Str(json["config"]!["model"]));
        json = await _w.DebugConfigAsync("--oss", "--local-provider", "lmstudio", "-m", "qwen");
        Assert.Equal("lmstudio", Str(json["config"]!["model_provider"]));
        Assert.Equal("qwen", Str(json["config"]!["model"]));
    }

    [Fact]
    public async Task Top_level_profile_key_selects_the_legacy_profile_table()
    {
        var cfg = _w.Write("home/config.toml", "model = \"base\"\nprofile = \"fast\"\n[profiles.fast]\nmodel = \"quick\"\n");
        var json = await _w.DebugConfigAsync();
        Assert.Equal("quick", Str(json["config"]!["model"]));
        Assert.Equal($"{cfg}:4", Str(json["origins"]!["model"]));
        Assert.Equal("fast", Str(json["profile"]));
    }
}
