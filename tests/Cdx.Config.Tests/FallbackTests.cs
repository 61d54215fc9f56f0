using Cdx.Config.Layers;
using Cdx.Config.Model;

namespace Cdx.Config.Tests;

public sealed class FallbackTests : IDisposable
{
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Explicit_disallowed_approval_policy_falls_back_to_the_first_allowed_with_a_warning()
    {
        var req = _s.Requirements("allowed_approval_policies = [\"on-request\", \"untrusted\"]\n");
        _s.User("approval_policy = \"on-failure\"\n");
        var e = await _s.LoadAsync();
        Assert.Equal(ApprovalMode.OnRequest, e.Config.ApprovalPolicy.Mode);
        var notice = Assert.Single(e.Notices);
        Assert.Equal("Configured value for `approval_policy` is disallowed by requirements; falling back to required value on-request. " +
            $"Details: invalid value for `approval_policy`: `on-failure` is not in the allowed set [on-request, untrusted] (set by {req})", notice);
        Assert.Contains(req, e.Origins["approval_policy"].ToString());
        Assert.True(Assert.Single(e.Constraints, c => c.Key == "approval_policy").FallbackApplied);
    }

    [Fact]
    public async Task Derived_approval_policy_that_is_disallowed_falls_back_silently()
    {
        _s.Requirements("allowed_approval_policies = [\"never\", \"untrusted\"]\n");
        var e = await _s.LoadAsync();
        Assert.Equal(ApprovalMode.Never, e.Config.ApprovalPolicy.Mode);
        Assert.Empty(e.Notices);
    }

    [Fact]
    public async Task Explicit_disallowed_sandbox_mode_falls_back_to_read_only_with_a_warning()
    {
        _s.Requirements("allowed_sandbox_modes = [\"read-only\", \"workspace-write\"]\n");
        var e = await _s.LoadAsync(o => o with { Flags = new DedicatedFlags { SandboxMode = "danger-full-access" } });
        Assert.Equal(SandboxMode.ReadOnly, e.Config.SandboxMode);
        Assert.Contains(e.Notices, n => n.StartsWith("Configured value for `sandbox_mode` is disallowed by requirements; falling back to required value read-only.") && n.Contains("`danger-full-access`"));
    }

    [Fact]
    public async Task Derived_sandbox_mode_that_is_disallowed_also_warns()
    {
        _s.TrustedUser();
        _s.Requirements("allowed_sandbox_modes = [\"read-only\"]\n");
        var e = await _s.LoadAsync();
        Assert.Equal(SandboxMode.ReadOnly, e.Config.SandboxMode);
        Assert.Contains(e.Notices, n => n.Contains("`sandbox_mode`") && n.Contains("`workspace-write`"));
    }

    [Fact]
    public async Task Allowed_explicit_value_is_kept_and_reported_as_constrained()
    {
        _s.Requirements("allowed_sandbox_modes = [\"read-only\", \"workspace-write\"]\n");
        var e = await _s.LoadAsync("sandbox_mode=workspace-write");
        Assert.Equal(SandboxMode.WorkspaceWrite, e.Config.SandboxMode);
        var c = Assert.Single(e.Constraints);
        Assert.False(c.FallbackApplied);
        Assert.Equal("allowed_sandbox_modes", c.Requirement);
    }

    [Theory]
    [InlineData("[\"cached\", \"live\"]", "disabled", "disabled")]
    [InlineData("[\"live\", \"cached\"]", "live", "live")]
    [InlineData("[\"cached\"]", "live", "cached")]
    [InlineData("[\"live\"]", "cached", "live")]
    [InlineData("[]", "live", "disabled")]
    public async Task Web_search_falls_back_cached_then_live_then_disabled(string allowed, string configured, string expected)
    {
        _s.Requirements($"allowed_web_search_modes = {allowed}\n");
        var e = await _s.LoadAsync($"web_search={configured}");
        Assert.Equal(expected, EnumText.Name(e.Config.WebSearch));
        Assert.Contains(WebSearchMode.Disabled, e.Requirements.AllowedWebSearchModes!.Value);
    }

    [Fact]
    public async Task Web_search_defaults_to_live_under_full_access()
    {
        var e = await _s.LoadAsync("sandbox_mode=danger-full-access");
        Assert.Equal(WebSearchMode.Live, e.Config.WebSearch);
        var e2 = await _s.LoadAsync();
        Assert.Equal(WebSearchMode.Cached, e2.Config.WebSearch);
    }

    [Fact]
    public async Task Deprecated_web_search_features_only_apply_when_web_search_is_unset()
    {
        Assert.Equal(WebSearchMode.Live, (await _s.LoadAsync("features.web_search_request=true")).Config.WebSearch);
        Assert.Equal(WebSearchMode.Disabled, (await _s.LoadAsync("features.web_search_request=true", "web_search=disabled")).Config.WebSearch);
    }

    [Fact]
    public async Task Never_without_allowed_full_access_stops_the_load_naming_both()
    {
        _s.Requirements("allowed_sandbox_modes = [\"read-only\", \"workspace-write\"]\n");
        var ex = await Assert.ThrowsAsync<ConfigException>(() => _s.LoadAsync("approval_policy=never"));
        Assert.Contains("approval_policy = \"never\"", ex.Message);
        Assert.Contains("danger-full-access", ex.Message);
    }

    [Fact]
    public async Task Feature_pin_overrides_config_and_conflict_is_reported()
    {
        var req = _s.Requirements("[features]\nmemories = false\n");
        _s.User("[features]\nmemories = true\n");
        var e = await _s.LoadAsync();
        Assert.False(e.Config.Features["memories"]);
        Assert.Contains(e.Notices, n => n.Contains("`memories` is pinned to false") && n.Contains(req));
        Assert.Equal(OriginKind.Requirement, e.Origins["features.memories"].Kind);
    }

    [Fact]
    public async Task Pin_without_conflict_adds_no_notice()
    {
        _s.Requirements("[features]\nshell_tool = true\n");
        var e = await _s.LoadAsync();
        Assert.True(e.Config.Features["shell_tool"]);
        Assert.Empty(e.Notices);
    }

    [Fact]
    public async Task Mcp_server_needs_both_a_listed_name_and_a_matching_identity()
    {
        var req = _s.Requirements("[mcp_servers.docs]\nidentity = { command = \"docs-mcp\" }\n[mcp_servers.web]\nidentity = { url = \"https://mcp.example/x\" }\n");
        _s.User("""
            [mcp_servers.docs]
            command = "docs-mcp"
            [mcp_servers.web]
            url = "https://evil.example/x"
            [mcp_servers.other]
            command = "docs-mcp"
            """);
        var e = await _s.LoadAsync();
        Assert.True(e.Config.McpServers["docs"].Enabled);
        Assert.False(e.Config.McpServers["web"].Enabled);
        Assert.False(e.Config.McpServers["other"].Enabled);
        Assert.Equal($"requirements ({req})", e.Config.McpServers["other"].DisabledReason);
    }

    [Fact]
    public async Task Empty_mcp_allowlist_disables_every_server()
    {
        _s.Requirements("[mcp_servers]\n");
        _s.User("[mcp_servers.docs]\ncommand = \"docs-mcp\"\n");
        var e = await _s.LoadAsync();
        Assert.False(e.Config.McpServers["docs"].Enabled);
    }

    [Fact]
    public async Task Structured_identity_matches_executable_and_argument_rules()
    {
        _s.Requirements("""
            [mcp_servers.docs.identity.command]
            executable = "npx"
            args = [{ match = "exact", value = "-y" }, { match = "prefix", value = "@corp/" }]
            """);
        _s.User("[mcp_servers.docs]\ncommand = \"npx\"\nargs = [\"-y\", \"@corp/docs\"]\n");
        Assert.True((await _s.LoadAsync()).Config.McpServers["docs"].Enabled);
        _s.User("[mcp_servers.docs]\ncommand = \"npx\"\nargs = [\"-y\", \"@evil/docs\"]\n");
        Assert.False((await _s.LoadAsync()).Config.McpServers["docs"].Enabled);
    }

    [Fact]
    public async Task Managed_default_that_violates_requirements_falls_back_too()
    {
        _s.Requirements("allowed_approval_policies = [\"untrusted\"]\n");
        _s.Write("sys/managed_config.toml", "approval_policy = \"on-request\"\n");
        var e = await _s.LoadAsync();
        // The legacy backfill (on-request) beats the system file for the same field.
        Assert.Equal(ApprovalMode.OnRequest, e.Config.ApprovalPolicy.Mode);
    }
}
