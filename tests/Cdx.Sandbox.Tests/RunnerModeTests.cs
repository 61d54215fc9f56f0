namespace Cdx.Sandbox.Tests;

public sealed class RunnerModeTests : IDisposable
{
    private readonly TempDirs _dirs = new();

    public void Dispose() => _dirs.Dispose();

    [Theory]
    [InlineData(SandboxMode.ReadOnly)]
    [InlineData(SandboxMode.WorkspaceWrite)]
    [InlineData(SandboxMode.DangerFullAccess)]
    public async Task Every_mode_reads_the_whole_filesystem(SandboxMode mode)
    {
        File.WriteAllText(_dirs.Out("secret.txt"), "readable");
        var r = await Run.Sh($"cat {_dirs.Out("secret.txt")}; cat /etc/passwd | head -1", _dirs.Workspace, Run.Policy(mode));
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("readable", r.Output);
        Assert.Contains("root:", r.Output);
    }

    [Fact]
    public async Task Read_only_refuses_writes_in_the_working_directory_and_reports_a_denial()
    {
        var r = await Run.Sh("echo x > inside.txt", _dirs.Workspace, SandboxPolicy.ReadOnly);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("Read-only file system", r.Output);
        Assert.False(File.Exists(_dirs.Ws("inside.txt")));
        Assert.Equal(SandboxDenialKind.ReadOnlyFileSystem, r.Denial?.Kind);
    }

    [Fact]
    public async Task Workspace_write_allows_the_working_directory_and_tmp_but_nothing_outside()
    {
        var tmpFile = Path.Combine("/tmp", $"cdx-tmp-{Guid.NewGuid():N}");
        try
        {
            var r = await Run.Sh(
                $"echo in > inside.txt && echo t > {tmpFile} && echo out > {_dirs.Out("outside.txt")}",
                _dirs.Workspace, SandboxPolicy.WorkspaceWrite);
            Assert.NotEqual(0, r.ExitCode);
            Assert.Equal("in\n", File.ReadAllText(_dirs.Ws("inside.txt")));
            Assert.True(File.Exists(tmpFile));
            Assert.False(File.Exists(_dirs.Out("outside.txt")));
            Assert.NotNull(r.Denial);
        }
        finally
        {
            File.Delete(tmpFile);
        }
    }

    [Fact]
    public async Task Workspace_write_with_slash_tmp_excluded_cannot_write_tmp()
    {
        var tmpFile = Path.Combine("/tmp", $"cdx-tmp-{Guid.NewGuid():N}");
        var policy = SandboxPolicy.WorkspaceWrite with { ExcludeSlashTmp = true, ExcludeTmpdirEnvVar = true };
        // The workspace itself lives under /tmp: it stays writable as cwd while its siblings do not.
        var r = await Run.Sh($"echo in > inside.txt; echo t > {tmpFile}", _dirs.Workspace, policy);
        Assert.True(File.Exists(_dirs.Ws("inside.txt")));
        Assert.False(File.Exists(tmpFile));
        Assert.NotEqual(0, r.ExitCode);
    }

    [Fact]
    public async Task Add_dir_makes_an_outside_directory_writable()
    {
        var policy = SandboxPolicy.WorkspaceWrite with { AdditionalDirectories = [_dirs.Outside] };
        var r = await Run.Sh($"echo added > {_dirs.Out("added.txt")}", _dirs.Workspace, policy);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("added\n", File.ReadAllText(_dirs.Out("added.txt")));
    }

    [Fact]
    public async Task Danger_full_access_writes_anywhere_and_has_no_sandbox_markers()
    {
        var r = await Run.Sh(
            $"echo out > {_dirs.Out("outside.txt")}; echo net=${{CODEX_SANDBOX_NETWORK_DISABLED:-unset}}",
            _dirs.Workspace, SandboxPolicy.DangerFullAccess);
        Assert.Equal(0, r.ExitCode);
        Assert.True(File.Exists(_dirs.Out("outside.txt")));
        Assert.Contains("net=unset", r.Output);
    }

    [Fact]
    public async Task Sandboxed_commands_see_the_network_disabled_marker_no_capabilities_and_no_new_privs()
    {
        var r = await Run.Sh(
            "echo net=$CODEX_SANDBOX_NETWORK_DISABLED; grep -E '^(CapEff|NoNewPrivs|Seccomp):' /proc/self/status",
            _dirs.Workspace, SandboxPolicy.WorkspaceWrite);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("net=1", r.Output);
        Assert.Matches(@"CapEff:\s+0000000000000000", r.Output);
        Assert.Matches(@"NoNewPrivs:\s+1", r.Output);
        Assert.Matches(@"Seccomp:\s+2", r.Output);
    }

    [Fact]
    public async Task Exit_status_of_the_command_is_returned()
    {
        var r = await Run.Sh("echo out; echo err >&2; exit 7", _dirs.Workspace, SandboxPolicy.ReadOnly);
        Assert.Equal(7, r.ExitCode);
        Assert.Contains("out\n", r.Output);
        Assert.Contains("err\n", r.Output);
        Assert.Null(r.Denial);
    }

    [Fact]
    public async Task Stdin_of_a_pipe_command_is_not_connected()
    {
        var r = await Run.Sh("if read line; then echo got; else echo eof; fi", _dirs.Workspace, SandboxPolicy.ReadOnly);
        Assert.Equal("eof\n", r.Output);
    }

    [Fact]
    public async Task A_missing_writable_root_is_a_clear_error()
    {
        var policy = SandboxPolicy.WorkspaceWrite with { WritableRoots = [_dirs.Out("nope")] };
        var ex = await Assert.ThrowsAsync<SandboxException>(() => Run.Sh("true", _dirs.Workspace, policy));
        Assert.Contains("does not exist", ex.Message);
        Assert.Contains("writable_roots", ex.Message);
    }
}
