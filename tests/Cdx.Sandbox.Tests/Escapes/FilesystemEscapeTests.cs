namespace Cdx.Sandbox.Tests.Escapes;

/// <summary>Attempts to write outside the writable roots through links, /proc and odd mounts.</summary>
public sealed class FilesystemEscapeTests : Hostile
{
    private string Victim()
    {
        var v = Dirs.Out("victim.txt");
        File.WriteAllText(v, "original\n");
        return v;
    }

    [Fact]
    public async Task Writing_through_a_symlink_to_an_outside_file_fails()
    {
        var victim = Victim();
        File.CreateSymbolicLink(Dirs.Ws("link"), victim);
        AssertBlocked(await Sh("echo pwned > link && echo ESCAPED"));
        Assert.Equal("original\n", Read(victim));
    }

    [Fact]
    public async Task Creating_a_file_through_a_symlinked_outside_directory_fails()
    {
        Directory.CreateSymbolicLink(Dirs.Ws("door"), Dirs.Outside);
        AssertBlocked(await Sh($"echo pwned > door/{Marker} && echo ESCAPED"));
        Assert.False(File.Exists(Dirs.Out(Marker)));
    }

    [Fact]
    public async Task A_symlink_made_inside_the_sandbox_does_not_open_a_way_out()
    {
        var victim = Victim();
        AssertBlocked(await Sh($"ln -s {victim} made && echo pwned >> made && echo ESCAPED"));
        Assert.Equal("original\n", Read(victim));
    }

    [Fact]
    public async Task Hardlinking_an_outside_file_into_the_workspace_fails()
    {
        var victim = Victim();
        AssertBlocked(await Sh($"ln {victim} hard && echo pwned > hard && echo ESCAPED"));
        Assert.Equal("original\n", Read(victim));
        Assert.False(File.Exists(Dirs.Ws("hard")));
    }

    [Fact]
    public async Task Proc_self_root_does_not_lead_to_a_writable_host_root()
    {
        AssertBlocked(await Sh($"echo pwned > /proc/self/root{Dirs.Outside}/{Marker} && echo ESCAPED"));
        Assert.False(File.Exists(Dirs.Out(Marker)));
    }

    [Fact]
    public async Task Proc_1_root_does_not_lead_to_a_writable_host_root()
    {
        AssertBlocked(await Sh($"echo pwned > /proc/1/root{Dirs.Outside}/{Marker} && echo ESCAPED"));
        Assert.False(File.Exists(Dirs.Out(Marker)));
    }

    [Fact]
    public async Task Host_processes_are_invisible_so_their_proc_root_cannot_be_used()
    {
        var mine = Environment.ProcessId;
        AssertBlocked(await Sh($"ls /proc/{mine}/root >/dev/null && echo pwned > /proc/{mine}/root{Dirs.Outside}/{Marker} && echo ESCAPED"));
        Assert.False(File.Exists(Dirs.Out(Marker)));
    }

    [Fact]
    public async Task Dev_shm_writes_stay_inside_the_sandbox()
    {
        var r = await Sh($"echo pwned > /dev/shm/{Marker}; cat /dev/shm/{Marker}");
        Assert.False(File.Exists($"/dev/shm/{Marker}"), "a file written to /dev/shm inside the sandbox appeared on the host");
        Assert.Contains("pwned", r.Output); // a private, throw-away /dev/shm
    }

    [Fact]
    public async Task Chmod_of_a_read_only_bind_fails()
    {
        var victim = Victim();
        File.SetUnixFileMode(victim, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        AssertBlocked(await Sh($"chmod 777 {victim} && echo ESCAPED"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(victim));
    }

    [Fact]
    public async Task Host_tmp_is_read_only_when_slash_tmp_is_excluded()
    {
        var policy = SandboxPolicy.WorkspaceWrite with { ExcludeSlashTmp = true, ExcludeTmpdirEnvVar = true };
        var target = $"/tmp/{Marker}";
        AssertBlocked(await Sh($"echo pwned > {target} && echo ESCAPED", policy));
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Read_only_mode_cannot_write_the_workspace()
    {
        AssertBlocked(await Sh($"echo pwned > {Marker} && echo ESCAPED", SandboxPolicy.ReadOnly));
        Assert.False(File.Exists(Dirs.Ws(Marker)));
    }

    [Fact]
    public async Task Home_shell_startup_files_cannot_be_planted_for_later_commands()
    {
        var home = Dirs.Out("home");
        Directory.CreateDirectory(home);
        var policy = SandboxPolicy.WorkspaceWrite;
        var r = await Sh($"HOME={home}; echo 'echo {Marker}' >> $HOME/.bashrc && echo ESCAPED; echo 'x' > /etc/ld.so.preload && echo ESCAPED", policy);
        AssertBlocked(r);
        Assert.False(File.Exists(Path.Combine(home, ".bashrc")));
        Assert.DoesNotContain(Marker, Read("/etc/ld.so.preload") ?? "");
    }

    [Fact]
    public async Task Ld_preload_exported_by_one_command_does_not_reach_the_next()
    {
        var lib = Dirs.Ws("evil.so");
        await Sh($"export LD_PRELOAD={lib}; echo exported");
        var next = await Sh("echo \"preload=[$LD_PRELOAD]\"");
        Assert.Equal(0, next.ExitCode);
        Assert.Contains("preload=[]", next.Output);
    }

    [Fact]
    public async Task Bind_mount_placeholders_for_missing_protected_paths_are_removed_afterwards()
    {
        var r = await Sh("mkdir -p .git/hooks 2>/dev/null; mkdir .codex/x 2>/dev/null; ls -a; exit 0");
        Assert.Equal(0, r.ExitCode);
        foreach (var name in new[] { ".git", ".codex", ".agents" })
        {
            Assert.False(Directory.Exists(Dirs.Ws(name)), $"{name} was left behind in the workspace");
        }
    }
}
