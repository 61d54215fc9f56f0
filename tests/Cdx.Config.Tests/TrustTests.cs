using Cdx.Config.Layers;
using Cdx.Config.Model;

namespace Cdx.Config.Tests;

public sealed class TrustTests : IDisposable
{
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Project_without_trust_entry_is_not_loaded_and_the_user_is_told()
    {
        var project = _s.ProjectConfig("model = \"project\"\n");
        var e = await _s.LoadAsync();
        Assert.Null(e.Config.Model);
        Assert.Contains(e.Notices, n => n.Contains(project) && n.Contains("not trusted"));
        Assert.Contains(e.Layers, l => l.Kind == LayerKind.Project && !l.Enabled);
    }

    [Fact]
    public async Task Untrusted_project_config_is_not_even_parsed()
    {
        _s.TrustedUser(level: "untrusted");
        _s.ProjectConfig("this is = = not toml\n");
        var e = await _s.LoadAsync();
        Assert.Contains(e.Notices, n => n.Contains("untrusted"));
    }

    [Fact]
    public async Task Trusting_the_root_enables_every_layer_down_to_cwd()
    {
        _s.TrustedUser();
        _s.ProjectConfig("model_verbosity = \"low\"\n");
        _s.ProjectConfig("model = \"sub\"\n", "a");
        var e = await _s.LoadAsync(cwd: Path.Combine(_s.Project, "a"));
        Assert.Equal("sub", e.Config.Model);
        Assert.Equal("low", e.Config.ModelVerbosity);
    }

    [Fact]
    public async Task Trusting_only_a_subdirectory_leaves_the_root_layer_disabled()
    {
        var sub = Path.Combine(_s.Project, "a");
        _s.TrustedUser(dir: sub);
        _s.ProjectConfig("model_verbosity = \"low\"\n");
        _s.ProjectConfig("model = \"sub\"\n", "a");
        var e = await _s.LoadAsync(cwd: sub);
        Assert.Equal("sub", e.Config.Model);
        Assert.Null(e.Config.ModelVerbosity);
        Assert.Contains(e.Notices, n => n.Contains(Path.Combine(_s.Project, ".codex", "config.toml")) && n.Contains($"only {sub} is trusted"));
    }

    [Theory]
    [InlineData(null, SandboxMode.ReadOnly, ApprovalMode.OnRequest)]
    [InlineData("trusted", SandboxMode.WorkspaceWrite, ApprovalMode.OnRequest)]
    [InlineData("untrusted", SandboxMode.WorkspaceWrite, ApprovalMode.Untrusted)]
    public async Task Sandbox_and_approval_defaults_derive_from_trust(string? level, SandboxMode sandbox, ApprovalMode approval)
    {
        if (level is not null)
        {
            _s.TrustedUser(level: level);
        }
        var e = await _s.LoadAsync();
        Assert.Equal(sandbox, e.Config.SandboxMode);
        Assert.Equal(approval, e.Config.ApprovalPolicy.Mode);
        Assert.Equal(OriginKind.DerivedDefault, e.Origins["sandbox_mode"].Kind);
    }

    [Fact]
    public async Task Project_root_markers_come_from_user_config()
    {
        Directory.CreateDirectory(Path.Combine(_s.Project, "inner"));
        File.WriteAllText(Path.Combine(_s.Project, "inner", "ROOT"), "");
        _s.TrustedUser("project_root_markers = [\"ROOT\"]", dir: Path.Combine(_s.Project, "inner"));
        var e = await _s.LoadAsync(cwd: Path.Combine(_s.Project, "inner"));
        Assert.Equal(Path.Combine(_s.Project, "inner"), e.Trust.Root);
        Assert.Equal(TrustLevel.Trusted, e.Trust.Level);
    }

    [Fact]
    public async Task Empty_marker_list_makes_cwd_the_project_root()
    {
        var sub = Path.Combine(_s.Project, "x");
        Directory.CreateDirectory(sub);
        _s.User("project_root_markers = []\n");
        var e = await _s.LoadAsync(cwd: sub);
        Assert.Equal(sub, e.Trust.Root);
    }

    [Fact]
    public async Task Keys_project_config_may_not_set_are_dropped_with_a_notice()
    {
        _s.TrustedUser();
        _s.ProjectConfig("model_provider = \"evil\"\nmodel = \"ok\"\n");
        var e = await _s.LoadAsync();
        Assert.Equal("openai", e.Config.ModelProvider);
        Assert.Equal("ok", e.Config.Model);
        Assert.Contains(e.Notices, n => n.Contains("`model_provider`"));
    }

    [Fact]
    public async Task Missing_working_directory_is_a_clear_error()
    {
        var ex = await Assert.ThrowsAsync<ConfigException>(() => _s.LoadAsync(cwd: Path.Combine(_s.Root, "missing")));
        Assert.Contains("does not exist", ex.Message);
    }
}
