namespace Cdx.Config.Tests;

public sealed class RequirementsValidationTests : IDisposable
{
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    private async Task<string> FailWith(string requirements)
    {
        var path = _s.Requirements(requirements);
        var ex = await _s.FailAsync();
        Assert.StartsWith(path + ":", ex.Message);
        return ex.Message;
    }

    [Fact]
    public async Task Empty_approval_allowlist_is_fatal_with_line_and_column()
    {
        var msg = await FailWith("\nallowed_approval_policies = []\n");
        Assert.Contains(":2:29:", msg);
        Assert.Contains("field `allowed_approval_policies` cannot be empty", msg);
    }

    [Fact]
    public async Task Sandbox_allowlist_without_read_only_is_fatal() =>
        Assert.Contains("must include 'read-only'", await FailWith("allowed_sandbox_modes = [\"workspace-write\"]\n"));

    [Fact]
    public async Task Unknown_enum_value_is_fatal() =>
        Assert.Contains("unknown variant `sometimes`", await FailWith("allowed_approval_policies = [\"sometimes\"]\n"));

    [Fact]
    public async Task Empty_reviewer_allowlist_is_fatal() =>
        Assert.Contains("cannot be empty", await FailWith("allowed_approvals_reviewers = []\n"));

    [Fact]
    public async Task Allow_decision_in_requirements_rules_is_fatal() =>
        Assert.Contains("decision 'allow', which is not permitted", await FailWith("[rules]\nprefix_rules = [{ pattern = [{ token = \"ls\" }], decision = \"allow\" }]\n"));

    [Fact]
    public async Task Empty_prefix_rules_is_fatal() =>
        Assert.Contains("rules prefix_rules cannot be empty", await FailWith("[rules]\nprefix_rules = []\n"));

    [Fact]
    public async Task Rule_missing_a_decision_is_fatal() =>
        Assert.Contains("missing a decision", await FailWith("[rules]\nprefix_rules = [{ pattern = [{ token = \"ls\" }] }]\n"));

    [Fact]
    public async Task Token_and_any_of_together_name_rule_and_token_index()
    {
        var msg = await FailWith("[rules]\nprefix_rules = [{ pattern = [{ token = \"a\" }], decision = \"prompt\" }, { pattern = [{ token = \"x\" }, { token = \"a\", any_of = [\"b\"] }], decision = \"prompt\" }]\n");
        Assert.Contains("rule_index 1, token_index 1", msg);
        Assert.Contains("set either token or any_of, not both", msg);
    }

    [Fact]
    public async Task Blank_justification_is_fatal() =>
        Assert.Contains("blank justification", await FailWith("[rules]\nprefix_rules = [{ pattern = [{ token = \"ls\" }], decision = \"prompt\", justification = \" \" }]\n"));

    [Fact]
    public async Task Residency_other_than_us_is_fatal() =>
        Assert.Contains("unknown variant `eu`", await FailWith("enforce_residency = \"eu\"\n"));

    [Fact]
    public async Task Network_domains_cannot_be_combined_with_legacy_lists() =>
        Assert.Contains("cannot be combined", await FailWith("[experimental_network]\ndomains = { \"a.com\" = \"allow\" }\nallowed_domains = [\"b.com\"]\n"));

    [Fact]
    public async Task Network_domains_next_to_an_empty_legacy_list_is_still_fatal() =>
        Assert.Contains("cannot be combined", await FailWith("[experimental_network]\ndomains = { \"a.example\" = \"allow\" }\ndenied_domains = []\n"));

    [Fact]
    public async Task Network_unix_sockets_cannot_be_combined_with_the_legacy_list() =>
        Assert.Contains("cannot be combined with `allow_unix_sockets`",
            await FailWith("[experimental_network]\nunix_sockets = { \"/run/a.sock\" = \"allow\" }\nallow_unix_sockets = []\n"));

    [Fact]
    public async Task Network_port_out_of_range_is_fatal() =>
        Assert.Contains("`experimental_network.http_port` must be between 0 and 65535", await FailWith("[experimental_network]\nhttp_port = 70000\n"));

    [Fact]
    public async Task Network_domain_decision_must_be_allow_or_deny() =>
        Assert.Contains("unknown variant `maybe`", await FailWith("[experimental_network]\ndomains = { \"a.com\" = \"maybe\" }\n"));

    [Fact]
    public async Task Mcp_identity_needs_command_or_url() =>
        Assert.Contains("exactly one of `command` or `url`", await FailWith("[mcp_servers.x]\nidentity = {}\n"));

    [Fact]
    public async Task Malformed_requirements_toml_stops_with_path_line_col()
    {
        var msg = await FailWith("allowed_sandbox_modes = [\"read-only\"\n");
        Assert.Matches(@":\d+:\d+: ", msg);
    }

    [Fact]
    public async Task Unknown_requirement_keys_are_ignored()
    {
        _s.Requirements("some_future_key = 1\n");
        var e = await _s.LoadAsync();
        Assert.Null(e.Requirements.AllowedSandboxModes);
    }

    [Fact]
    public async Task Relative_deny_read_path_is_fatal() =>
        Assert.Contains("relative paths are not allowed", await FailWith("[permissions.filesystem]\ndeny_read = [\"./secrets\"]\n"));
}
