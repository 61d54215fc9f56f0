using Cdx.Config.Model;
using Cdx.Config.Requirements;

namespace Cdx.Config.Tests;

public sealed class RequirementsMergeTests : IDisposable
{
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    private Task<EffectiveConfig> LoadWithCloud(string toml) =>
        _s.LoadAsync(o => o with { CloudRequirements = new FixedCloud(new CloudRequirementsResult(CloudRequirementsStatus.Loaded, toml)) });

    [Fact]
    public async Task Cloud_requirements_are_not_overwritten_by_the_system_file()
    {
        var sys = _s.Requirements("allowed_approval_policies = [\"on-request\"]\nallowed_sandbox_modes = [\"read-only\"]\n");
        var e = await LoadWithCloud("allowed_approval_policies = [\"never\"]\n");
        Assert.Equal(["never"], e.Requirements.AllowedApprovalPolicies!.Value);
        Assert.Equal(RequirementsSourceKind.Cloud, e.Requirements.AllowedApprovalPolicies.Source.Kind);
        Assert.Equal(sys, e.Requirements.AllowedSandboxModes!.Source.Label);
    }

    [Fact]
    public async Task Present_but_empty_list_counts_as_set()
    {
        _s.Requirements("allowed_web_search_modes = [\"live\"]\n");
        var e = await LoadWithCloud("allowed_web_search_modes = []\n");
        Assert.Equal([WebSearchMode.Disabled], e.Requirements.AllowedWebSearchModes!.Value);
        Assert.Equal(WebSearchMode.Disabled, e.Config.WebSearch);
    }

    [Fact]
    public async Task Mcp_allowlist_tables_are_taken_whole_from_one_source()
    {
        _s.Requirements("[mcp_servers.b]\nidentity = { command = \"b\" }\n");
        _s.User("[mcp_servers.a]\ncommand = \"a\"\n[mcp_servers.b]\ncommand = \"b\"\n");
        var e = await LoadWithCloud("[mcp_servers.a]\nidentity = { command = \"a\" }\n");
        Assert.True(e.Config.McpServers["a"].Enabled);
        Assert.False(e.Config.McpServers["b"].Enabled);
    }

    [Fact]
    public async Task Rules_are_taken_whole_from_the_first_source()
    {
        _s.Requirements("""
            [rules]
            prefix_rules = [
              { pattern = [{ token = "a" }], decision = "prompt" },
              { pattern = [{ token = "b" }], decision = "prompt" },
            ]
            """);
        var e = await LoadWithCloud("[rules]\nprefix_rules = [{ pattern = [{ token = \"git\" }, { any_of = [\"push\", \"reset\"] }], decision = \"forbidden\", justification = \"no\" }]\n");
        var rule = Assert.Single(e.Requirements.PrefixRules!.Value);
        Assert.Equal("forbidden", rule.Decision);
        Assert.Equal(["push", "reset"], rule.Pattern[1].Alternatives);
        Assert.Equal(RequirementsSourceKind.Cloud, rule.Source.Kind);
    }

    [Fact]
    public async Task Legacy_managed_config_backfills_allowlists_and_always_adds_read_only()
    {
        var managed = _s.Managed("sandbox_mode = \"workspace-write\"\napproval_policy = \"on-request\"\n");
        var e = await _s.LoadAsync();
        Assert.Equal([SandboxMode.ReadOnly, SandboxMode.WorkspaceWrite], e.Requirements.AllowedSandboxModes!.Value);
        Assert.Equal(["on-request"], e.Requirements.AllowedApprovalPolicies!.Value);
        Assert.Equal(managed, e.Requirements.AllowedSandboxModes.Source.Label);
    }

    [Fact]
    public async Task Legacy_managed_config_beats_the_system_file_field_by_field()
    {
        _s.Managed("sandbox_mode = \"read-only\"\n");
        var sys = _s.Requirements("allowed_sandbox_modes = [\"read-only\", \"danger-full-access\"]\nallowed_approval_policies = [\"never\"]\n");
        var e = await _s.LoadAsync();
        Assert.Equal([SandboxMode.ReadOnly], e.Requirements.AllowedSandboxModes!.Value);
        Assert.Equal(sys, e.Requirements.AllowedApprovalPolicies!.Source.Label);
    }

    [Fact]
    public async Task App_disabled_by_any_source_stays_disabled()
    {
        _s.Requirements("[apps.x]\nenabled = false\n");
        var e = await LoadWithCloud("[apps.x]\nenabled = true\n");
        var apps = (Cdx.Toml.TomlTable)e.Requirements.Fields["apps"].Value;
        Assert.False(((Cdx.Toml.TomlBoolean)((Cdx.Toml.TomlTable)apps["x"])["enabled"]).Value);
    }

    [Fact]
    public async Task Feature_requirements_alias_is_read_as_features()
    {
        _s.Requirements("[feature_requirements]\ncodex_hooks = false\n");
        var e = await _s.LoadAsync();
        Assert.False(e.Requirements.FeaturePins!.Value["hooks"]);
        Assert.False(e.Config.Features["hooks"]);
    }

    [Fact]
    public async Task Cloud_failure_without_a_valid_cache_fails_closed()
    {
        var ex = await _s.FailAsync(o => o with { CloudRequirements = new FixedCloud(new CloudRequirementsResult(CloudRequirementsStatus.Failed, Detail: "timeout")) });
        Assert.Contains("cloud requirements", ex.Message);
        Assert.Contains("timeout", ex.Message);
    }

    [Fact]
    public async Task Remote_sandbox_config_overrides_the_list_for_a_matching_host()
    {
        _s.Requirements("""
            allowed_sandbox_modes = ["read-only"]
            [[remote_sandbox_config]]
            hostname_patterns = ["DEV-*.corp.example."]
            allowed_sandbox_modes = ["read-only", "workspace-write"]
            """);
        var e = await _s.LoadAsync();
        Assert.Equal([SandboxMode.ReadOnly, SandboxMode.WorkspaceWrite], e.Requirements.AllowedSandboxModes!.Value);
    }

    [Fact]
    public async Task Network_requirements_fold_legacy_lists_with_deny_winning()
    {
        _s.Requirements("[experimental_network]\nenabled = true\nallowed_domains = [\"a.com\", \"b.com\"]\ndenied_domains = [\"b.com\"]\nallow_unix_sockets = [\"/run/x.sock\"]\n");
        var e = await _s.LoadAsync();
        var net = e.Requirements.Network!.Value;
        Assert.True(net.Enabled);
        Assert.Equal("allow", net.Domains["a.com"]);
        Assert.Equal("deny", net.Domains["b.com"]);
        Assert.Equal("allow", net.UnixSockets["/run/x.sock"]);
    }
}
