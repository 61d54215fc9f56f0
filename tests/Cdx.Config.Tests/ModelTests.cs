using Cdx.Config.Model;

namespace Cdx.Config.Tests;

public sealed class ModelTests : IDisposable
{
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Agents_defaults_are_six_threads_and_depth_one()
    {
        var e = await _s.LoadAsync();
        Assert.Equal(6, e.Config.Agents.MaxThreads);
        Assert.Equal(1, e.Config.Agents.MaxDepth);
    }

    [Fact]
    public async Task Agent_config_file_resolves_relative_to_the_defining_file()
    {
        _s.Write("home/agents/reviewer.toml", "developer_instructions = \"review\"\n");
        _s.User("[agents]\nmax_threads = 3\n[agents.reviewer]\ndescription = \"Reviews\"\nconfig_file = \"agents/reviewer.toml\"\nnickname_candidates = [\"Vera\"]\n");
        var e = await _s.LoadAsync();
        var role = e.Config.Agents.Roles["reviewer"];
        Assert.Equal(Path.Combine(_s.Home, "agents", "reviewer.toml"), role.ConfigFile);
        Assert.Equal(3, e.Config.Agents.MaxThreads);
        Assert.Equal(["Vera"], role.NicknameCandidates);
    }

    [Fact]
    public async Task Project_agent_config_file_resolves_from_the_project_codex_folder()
    {
        _s.TrustedUser();
        _s.Write("repo/.codex/roles/r.toml", "description = \"From file\"\n");
        _s.ProjectConfig("[agents.r]\nconfig_file = \"roles/r.toml\"\n");
        var e = await _s.LoadAsync();
        Assert.Equal("From file", e.Config.Agents.Roles["r"].Description);
        Assert.Equal(Path.Combine(_s.Project, ".codex", "roles", "r.toml"), e.Config.Agents.Roles["r"].ConfigFile);
    }

    [Fact]
    public async Task Missing_agent_config_file_is_an_error_naming_role_and_path()
    {
        var user = _s.User("[agents.reviewer]\ndescription = \"x\"\nconfig_file = \"nope.toml\"\n");
        var ex = await _s.FailAsync();
        Assert.StartsWith($"{user}:3:", ex.Message);
        Assert.Contains("agents.reviewer.config_file must point to an existing file at " + Path.Combine(_s.Home, "nope.toml"), ex.Message);
    }

    [Fact]
    public async Task Unknown_field_in_an_agent_role_is_rejected()
    {
        _s.User("[agents.reviewer]\ndescription = \"x\"\ncolour = \"red\"\n");
        var ex = await _s.FailAsync();
        Assert.Contains("unknown field `colour` in `agents.reviewer`", ex.Message);
    }

    [Fact]
    public async Task Non_table_value_under_agents_is_rejected()
    {
        _s.User("[agents]\nmax_theads = 3\n");
        var ex = await _s.FailAsync();
        Assert.Contains("`agents.max_theads`", ex.Message);
    }

    [Fact]
    public async Task Zero_max_threads_is_rejected()
    {
        _s.User("[agents]\nmax_threads = 0\n");
        Assert.Contains("agents.max_threads must be at least 1", (await _s.FailAsync()).Message);
    }

    [Fact]
    public async Task Role_without_description_is_rejected()
    {
        _s.User("[agents.r]\nnickname_candidates = [\"A\"]\n");
        Assert.Contains("agent role `r` must define a description", (await _s.FailAsync()).Message);
    }

    [Fact]
    public async Task Invalid_nickname_is_rejected()
    {
        _s.User("[agents.r]\ndescription = \"d\"\nnickname_candidates = [\"bad!\"]\n");
        Assert.Contains("nickname_candidates", (await _s.FailAsync()).Message);
    }

    [Fact]
    public async Task Invalid_enum_in_user_config_names_file_line_and_column()
    {
        var user = _s.User("model = \"x\"\nsandbox_mode = \"full\"\n");
        var ex = await _s.FailAsync();
        Assert.StartsWith($"{user}:2:16:", ex.Message);
        Assert.Contains("unknown variant `full`", ex.Message);
    }

    [Fact]
    public async Task Malformed_user_config_stops_with_path_line_col()
    {
        var user = _s.User("model = \n");
        var ex = await _s.FailAsync();
        Assert.StartsWith($"{user}:1:", ex.Message);
    }

    [Fact]
    public async Task Reserved_provider_id_is_rejected()
    {
        _s.User("[model_providers.openai]\nname = \"Mine\"\n");
        Assert.Contains("reserved built-in provider IDs", (await _s.FailAsync()).Message);
    }

    [Fact]
    public async Task Custom_provider_is_read_with_defaults()
    {
        _s.User("model_provider = \"azure\"\n[model_providers.azure]\nname = \"Azure\"\nbase_url = \"https://x/openai\"\nenv_key = \"AZ\"\nquery_params = { api-version = \"2025\" }\n");
        var e = await _s.LoadAsync();
        var p = e.Config.ModelProviders["azure"];
        Assert.Equal("2025", p.QueryParams["api-version"]);
        Assert.Equal(4, p.RequestMaxRetries);
        Assert.Equal("responses", p.WireApi);
    }

    [Fact]
    public async Task Granular_approval_policy_requires_its_three_flags()
    {
        var e = await _s.LoadAsync("approval_policy={ granular = { sandbox_approval = true, rules = false, mcp_elicitations = true } }");
        Assert.Equal(ApprovalMode.Granular, e.Config.ApprovalPolicy.Mode);
        Assert.False(e.Config.ApprovalPolicy.Granular!.Rules);
        Assert.False(e.Config.ApprovalPolicy.Granular.SkillApproval);
        var ex = await Assert.ThrowsAsync<ConfigException>(() => _s.LoadAsync("approval_policy={ granular = { sandbox_approval = true } }"));
        Assert.Contains("missing field `rules`", ex.Message);
    }

    [Fact]
    public async Task Workspace_write_settings_resolve_relative_roots_against_the_file()
    {
        _s.User("[sandbox_workspace_write]\nwritable_roots = [\"extra\", \"/abs\"]\nnetwork_access = true\n");
        var e = await _s.LoadAsync();
        Assert.Equal([Path.Combine(_s.Home, "extra"), "/abs"], e.Config.SandboxWorkspaceWrite.WritableRoots);
        Assert.True(e.Config.SandboxWorkspaceWrite.NetworkAccess);
    }

    [Fact]
    public async Task Misc_keys_are_typed()
    {
        _s.User("allow_login_shell = false\nnotify = [\"notify-send\", \"x\"]\n[analytics]\nenabled = false\n[history]\npersistence = \"none\"\nmax_bytes = 10\n");
        var c = (await _s.LoadAsync()).Config;
        Assert.False(c.AllowLoginShell);
        Assert.False(c.AnalyticsEnabled);
        Assert.Equal(["notify-send", "x"], c.Notify);
        Assert.Equal(HistoryPersistence.None, c.History.Persistence);
        Assert.Equal(10, c.History.MaxBytes);
    }

    [Fact]
    public async Task Mcp_server_needs_a_command_or_url()
    {
        _s.User("[mcp_servers.x]\nargs = [\"a\"]\n");
        Assert.Contains("needs either `command`", (await _s.FailAsync()).Message);
    }
}
