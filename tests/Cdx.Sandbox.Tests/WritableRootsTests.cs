namespace Cdx.Sandbox.Tests;

public sealed class WritableRootsTests : IDisposable
{
    private readonly TempDirs _dirs = new();

    public void Dispose() => _dirs.Dispose();

    [Fact]
    public void Roots_follow_codex_order_cwd_writable_roots_add_dir_tmpdir_tmp_without_duplicates()
    {
        var extra = Directory.CreateDirectory(_dirs.Ws("extra")).FullName;
        var tmpd = Directory.CreateDirectory(_dirs.Out("tmpd")).FullName;
        var policy = SandboxPolicy.WorkspaceWrite with
        {
            WritableRoots = [extra, _dirs.Workspace],
            AdditionalDirectories = [_dirs.Outside],
        };
        var roots = WritableRoots.Compute(policy, _dirs.Workspace, tmpd);
        Assert.Equal([_dirs.Workspace, extra, _dirs.Outside, tmpd, "/tmp"], roots);
    }

    [Fact]
    public void Both_excludes_drop_tmpdir_and_slash_tmp()
    {
        var policy = SandboxPolicy.WorkspaceWrite with { ExcludeSlashTmp = true, ExcludeTmpdirEnvVar = true };
        Assert.Equal([_dirs.Workspace], WritableRoots.Compute(policy, _dirs.Workspace, _dirs.Outside));
    }

    [Fact]
    public void Symlinked_roots_are_resolved()
    {
        var link = _dirs.Ws("link-to-outside");
        File.CreateSymbolicLink(link, _dirs.Outside);
        var policy = SandboxPolicy.WorkspaceWrite with { WritableRoots = [link], ExcludeSlashTmp = true };
        Assert.Equal([_dirs.Workspace, _dirs.Outside], WritableRoots.Compute(policy, _dirs.Workspace, null));
    }

    [Fact]
    public void Read_only_has_no_writable_roots()
    {
        Assert.Empty(WritableRoots.Compute(SandboxPolicy.ReadOnly, _dirs.Workspace, "/tmp"));
    }
}
