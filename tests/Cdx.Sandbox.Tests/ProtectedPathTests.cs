namespace Cdx.Sandbox.Tests;

public sealed class ProtectedPathTests : IDisposable
{
    private readonly TempDirs _dirs = new();

    public void Dispose() => _dirs.Dispose();

    private Task<ExecResult> Ww(string script) => Run.Sh(script, _dirs.Workspace, SandboxPolicy.WorkspaceWrite);

    [Fact]
    public async Task Existing_git_directory_is_read_only_recursively()
    {
        Directory.CreateDirectory(_dirs.Ws(".git/hooks"));
        File.WriteAllText(_dirs.Ws(".git/config"), "[core]\n");
        var r = await Ww("echo x > .git/x; echo h > .git/hooks/pre-commit; echo evil >> .git/config; rm -rf .git; mv .git g2; touch ok.txt");
        Assert.Contains("Read-only file system", r.Output);
        Assert.False(File.Exists(_dirs.Ws(".git/x")));
        Assert.False(File.Exists(_dirs.Ws(".git/hooks/pre-commit")));
        Assert.Equal("[core]\n", File.ReadAllText(_dirs.Ws(".git/config")));
        Assert.False(Directory.Exists(_dirs.Ws("g2")));
        Assert.True(File.Exists(_dirs.Ws("ok.txt")));
    }

    [Theory]
    [InlineData(".git")]
    [InlineData(".codex")]
    [InlineData(".agents")]
    public async Task A_missing_protected_directory_cannot_be_created_and_leaves_no_trace(string name)
    {
        var r = await Ww($"mkdir -p {name}/sub; echo x > {name}/config.toml; echo rc=$?");
        Assert.Contains("Read-only file system", r.Output);
        Assert.False(Path.Exists(_dirs.Ws(name)), $"{name} was left behind in the workspace");
    }

    [Fact]
    public async Task Existing_codex_config_cannot_be_modified_or_replaced()
    {
        Directory.CreateDirectory(_dirs.Ws(".codex"));
        File.WriteAllText(_dirs.Ws(".codex/config.toml"), "model = \"a\"\n");
        await Ww("echo 'model = \"evil\"' > .codex/config.toml; rm -rf .codex; mv .codex .c2");
        Assert.Equal("model = \"a\"\n", File.ReadAllText(_dirs.Ws(".codex/config.toml")));
        Assert.False(Directory.Exists(_dirs.Ws(".c2")));
    }

    [Fact]
    public async Task A_symlinked_protected_name_protects_its_target_inside_the_workspace()
    {
        Directory.CreateDirectory(_dirs.Ws("real-codex"));
        File.WriteAllText(_dirs.Ws("real-codex/config.toml"), "safe\n");
        File.CreateSymbolicLink(_dirs.Ws(".codex"), "real-codex");
        await Ww("echo evil > .codex/config.toml; echo evil > real-codex/config.toml; echo new > real-codex/added");
        Assert.Equal("safe\n", File.ReadAllText(_dirs.Ws("real-codex/config.toml")));
        Assert.False(File.Exists(_dirs.Ws("real-codex/added")));
    }

    [Fact]
    public async Task A_dangling_protected_symlink_cannot_be_completed()
    {
        File.CreateSymbolicLink(_dirs.Ws(".agents"), "later-agents");
        var r = await Ww("mkdir -p later-agents/skills; echo x > .agents/skills.md; echo rc=$?");
        Assert.Contains("Read-only file system", r.Output);
        Assert.False(Path.Exists(_dirs.Ws("later-agents")));
    }

    [Fact]
    public async Task A_gitdir_pointer_protects_the_real_git_directory()
    {
        Directory.CreateDirectory(_dirs.Ws("store/repo.git/hooks"));
        File.WriteAllText(_dirs.Ws(".git"), $"gitdir: {_dirs.Ws("store/repo.git")}\n");
        var r = await Ww("echo h > store/repo.git/hooks/post-checkout; echo y > .git; touch store/other.txt");
        Assert.Contains("Read-only file system", r.Output);
        Assert.False(File.Exists(_dirs.Ws("store/repo.git/hooks/post-checkout")));
        Assert.StartsWith("gitdir:", File.ReadAllText(_dirs.Ws(".git")));
        Assert.True(File.Exists(_dirs.Ws("store/other.txt")));
    }

    [Fact]
    public void Protected_paths_cover_every_writable_root_in_order()
    {
        Directory.CreateDirectory(_dirs.Ws(".git"));
        var policy = SandboxPolicy.WorkspaceWrite with { AdditionalDirectories = [_dirs.Outside], ExcludeSlashTmp = true };
        var roots = WritableRoots.Compute(policy, _dirs.Workspace, tmpdir: null);
        Assert.Equal([_dirs.Workspace, _dirs.Outside], roots);
        var paths = ProtectedPaths.Compute(roots, SandboxPolicy.DefaultProtectedNames);
        Assert.Contains(paths, p => p.Path == _dirs.Ws(".git") && p.Kind == ProtectionKind.ReadOnlyBind);
        Assert.Contains(paths, p => p.Path == _dirs.Ws(".codex") && p.Kind == ProtectionKind.BlockCreation);
        Assert.Contains(paths, p => p.Path == _dirs.Out(".agents") && p.Kind == ProtectionKind.BlockCreation);
    }
}
