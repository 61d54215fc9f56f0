using Cdx.Config.Layers;
using Cdx.Config.Model;

namespace Cdx.Config.Tests;

public sealed class PrecedenceTests : IDisposable
{
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Built_in_default_applies_when_no_layer_sets_a_key()
    {
        var e = await _s.LoadAsync();
        Assert.Equal("openai", e.Config.ModelProvider);
        Assert.Equal(OriginKind.Default, e.Origins["model_provider"].Kind);
        Assert.Equal(6, e.Config.Agents.MaxThreads);
        Assert.Equal(1, e.Config.Agents.MaxDepth);
    }

    [Fact]
    public async Task User_config_beats_system_config_and_origin_names_the_user_file_and_line()
    {
        _s.System("model = \"sys-model\"\nmodel_verbosity = \"low\"\n");
        _s.User("\nmodel = \"user-model\"\n");
        var e = await _s.LoadAsync();
        Assert.Equal("user-model", e.Config.Model);
        Assert.Equal("low", e.Config.ModelVerbosity);
        Assert.Equal($"{_s.UserConfig}:2", e.Origins["model"].ToString());
        Assert.Equal(Path.Combine(_s.Sys, "config.toml") + ":2", e.Origins["model_verbosity"].ToString());
    }

    [Fact]
    public async Task Profile_file_beats_user_config()
    {
        _s.User("model = \"user\"\nmodel_verbosity = \"high\"\n");
        var profile = _s.Write("home/fast.config.toml", "model = \"fast-model\"\n");
        var e = await _s.LoadAsync(o => o with { Profile = "fast" });
        Assert.Equal("fast-model", e.Config.Model);
        Assert.Equal("high", e.Config.ModelVerbosity);
        Assert.Equal($"{profile}:1", e.Origins["model"].ToString());
        Assert.Equal("fast", e.Profile);
    }

    [Fact]
    public async Task Legacy_profiles_table_is_selected_and_the_profile_file_layers_above_it()
    {
        _s.User("model = \"user\"\n[profiles.work]\nmodel = \"table-model\"\nmodel_verbosity = \"low\"\n");
        _s.Write("home/work.config.toml", "model_verbosity = \"medium\"\n");
        var e = await _s.LoadAsync(o => o with { Profile = "work" });
        Assert.Equal("table-model", e.Config.Model);
        Assert.Equal("medium", e.Config.ModelVerbosity);
    }

    [Fact]
    public async Task Top_level_profile_key_selects_a_profile_when_no_flag_is_given()
    {
        _s.User("profile = \"deep\"\nmodel = \"user\"\n[profiles.deep]\nmodel = \"deep-model\"\n");
        var e = await _s.LoadAsync();
        Assert.Equal("deep-model", e.Config.Model);
    }

    [Fact]
    public async Task Unknown_profile_is_an_error_naming_the_profile()
    {
        var ex = await _s.FailAsync(o => o with { Profile = "nope" });
        Assert.Contains("config profile `nope` not found", ex.Message);
    }

    [Fact]
    public async Task Invalid_profile_name_is_rejected()
    {
        var ex = await _s.FailAsync(o => o with { Profile = "../evil" });
        Assert.Contains("invalid profile name", ex.Message);
    }

    [Fact]
    public async Task Trusted_project_config_beats_the_profile()
    {
        _s.TrustedUser();
        _s.Write("home/p2.config.toml", "sandbox_mode = \"workspace-write\"\n");
        var project = _s.ProjectConfig("sandbox_mode = \"danger-full-access\"\n");
        var e = await _s.LoadAsync(o => o with { Profile = "p2" });
        Assert.Equal(SandboxMode.DangerFullAccess, e.Config.SandboxMode);
        Assert.Equal($"{project}:1", e.Origins["sandbox_mode"].ToString());
    }

    [Fact]
    public async Task Nearer_project_layer_beats_the_root_layer()
    {
        _s.TrustedUser();
        _s.ProjectConfig("model = \"root\"\nmodel_verbosity = \"low\"\n");
        var sub = _s.ProjectConfig("model = \"sub\"\n", "pkg");
        var e = await _s.LoadAsync(cwd: Path.Combine(_s.Project, "pkg"));
        Assert.Equal("sub", e.Config.Model);
        Assert.Equal("low", e.Config.ModelVerbosity);
        Assert.Equal($"{sub}:1", e.Origins["model"].ToString());
    }

    [Fact]
    public async Task Cli_override_beats_project_config()
    {
        _s.TrustedUser();
        _s.ProjectConfig("model = \"project\"\n");
        var e = await _s.LoadAsync("model=cli");
        Assert.Equal("cli", e.Config.Model);
        Assert.Equal("-c model=cli", e.Origins["model"].ToString());
    }

    [Fact]
    public async Task Dedicated_flag_beats_cli_override()
    {
        var e = await _s.LoadAsync(o => o with { Overrides = ["model=from-c"], Flags = new DedicatedFlags { Model = "from-flag" } });
        Assert.Equal("from-flag", e.Config.Model);
        Assert.Equal("--model from-flag", e.Origins["model"].ToString());
    }

    [Fact]
    public async Task Managed_config_beats_cli_overrides_and_flags()
    {
        var managed = _s.Managed("model = \"managed\"\n");
        var e = await _s.LoadAsync(o => o with { Overrides = ["model=cli"], Flags = new DedicatedFlags { Model = "flag" } });
        Assert.Equal("managed", e.Config.Model);
        Assert.Equal($"{managed}:1", e.Origins["model"].ToString());
    }

    [Fact]
    public async Task Tables_merge_key_by_key_but_arrays_are_replaced_whole()
    {
        _s.System("[shell_environment_policy]\ninherit = \"core\"\nexclude = [\"A\", \"B\"]\n");
        _s.User("[shell_environment_policy]\nexclude = [\"C\"]\n");
        var e = await _s.LoadAsync();
        Assert.Equal(EnvironmentInherit.Core, e.Config.ShellEnvironmentPolicy.Inherit);
        Assert.Equal(["C"], e.Config.ShellEnvironmentPolicy.Exclude);
    }

    [Fact]
    public async Task A_scalar_in_a_higher_layer_replaces_a_lower_table()
    {
        _s.User("[tui]\nanimations = false\n");
        var e = await _s.LoadAsync("tui=3");
        Assert.Equal(3L, ((Cdx.Toml.TomlInteger)e.Merged["tui"]!.Value!).Value);
        Assert.False(e.Merged["tui"]!.IsTable);
        Assert.Equal("-c tui=3", e.Origins["tui"].ToString());
        Assert.False(e.Origins.ContainsKey("tui.animations"));
    }

    [Fact]
    public async Task Enable_flag_sets_the_canonical_feature_and_beats_cli_override()
    {
        var e = await _s.LoadAsync(o => o with { Overrides = ["features.memories=false"], Enable = ["memories", "codex_hooks"], Disable = ["shell_tool"] });
        Assert.True(e.Config.Features["memories"]);
        Assert.True(e.Config.Features["hooks"]);
        Assert.False(e.Config.Features["shell_tool"]);
        Assert.Equal("--enable memories", e.Origins["features.memories"].ToString());
    }

    [Fact]
    public async Task Enable_of_an_unknown_feature_is_an_error_naming_it()
    {
        var ex = await _s.FailAsync(o => o with { Enable = ["warp_drive"] });
        Assert.Contains("Unknown feature flag: warp_drive", ex.Message);
    }

    [Fact]
    public async Task Unknown_feature_in_config_is_kept_as_a_notice_not_an_error()
    {
        var e = await _s.LoadAsync("features.warp_drive=true");
        Assert.Contains(e.Notices, n => n.Contains("warp_drive"));
    }

    [Fact]
    public async Task Unknown_top_level_keys_are_kept_and_listed_as_notices()
    {
        _s.User("modle = \"typo\"\n");
        var e = await _s.LoadAsync();
        Assert.Contains(e.Notices, n => n.Contains("`modle`") && n.Contains(_s.UserConfig + ":1"));
        Assert.NotNull(e.Merged["modle"]);
    }
}
