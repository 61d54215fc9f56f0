using System.Net;
using System.Net.Sockets;
using Cdx.Testing;

namespace Cdx.Sandbox.Tests.Escapes;

/// <summary>The acceptance checks, driven through the real `cdx sandbox` binary.</summary>
public sealed class AcceptanceTests : Hostile
{
    private Task<ProcessResult> CdxSandbox(params string[] args) =>
        CdxProcess.RunAsync(["sandbox", .. args], workingDirectory: Dirs.Workspace);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Writing_into_dot_git_fails(bool gitExists)
    {
        if (gitExists)
        {
            Directory.CreateDirectory(Dirs.Ws(".git"));
        }
        var r = await CdxSandbox("-s", "workspace-write", "--", "sh", "-c", "echo x > .git/x");
        Assert.NotEqual(0, r.ExitCode);
        Assert.False(File.Exists(Dirs.Ws(".git/x")));
        Assert.Equal(gitExists, Directory.Exists(Dirs.Ws(".git")));
    }

    [Fact]
    public async Task Touching_a_file_in_the_workspace_succeeds()
    {
        var r = await CdxSandbox("-s", "workspace-write", "--", "touch", "ok.txt");
        Assert.Equal(0, r.ExitCode);
        Assert.True(File.Exists(Dirs.Ws("ok.txt")));
    }

    [Fact]
    public async Task Curl_to_a_listener_outside_fails()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var r = await CdxSandbox("-s", "workspace-write", "--", "curl", "-sS", "--max-time", "5", $"http://127.0.0.1:{port}/");
        Assert.NotEqual(0, r.ExitCode);
        Assert.False(listener.Pending(), "the listener outside the sandbox was reached");
    }

    [Fact]
    public async Task A_missing_bubblewrap_is_a_clear_error_naming_apt_get()
    {
        var ex = Assert.Throws<SandboxException>(() => BwrapLocator.Locate(null, ["/nonexistent/bwrap"], "/nonexistent"));
        Assert.Contains("apt-get install bubblewrap", ex.Message);
        Assert.Contains("container", ex.Message);
        Assert.Contains("never runs commands unsandboxed", ex.Message);
        // And through the runner: no silent fallback to running the command.
        var missing = Dirs.Out("no-bwrap-here");
        var r = await CdxProcess.RunAsync(
            ["sandbox", "-s", "workspace-write", "--", "touch", "ran.txt"],
            workingDirectory: Dirs.Workspace,
            environment: new Dictionary<string, string?> { ["CDX_BWRAP"] = missing });
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("CDX_BWRAP", r.Stderr);
        Assert.False(File.Exists(Dirs.Ws("ran.txt")));
    }

    [Fact]
    public async Task Unavailable_user_namespaces_are_a_clear_error_not_a_fallback()
    {
        // A bwrap that fails the way it does in a locked-down container.
        var fake = Dirs.Out("bwrap");
        File.WriteAllText(fake, "#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n");
        File.SetUnixFileMode(fake, (UnixFileMode)0b111_101_101);
        var r = await CdxProcess.RunAsync(
            ["sandbox", "-s", "workspace-write", "--", "touch", "ran.txt"],
            workingDirectory: Dirs.Workspace,
            environment: new Dictionary<string, string?> { ["CDX_BWRAP"] = fake });
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("apt-get install bubblewrap", r.Stderr);
        Assert.Contains("danger-full-access", r.Stderr);
        Assert.Contains("No permissions to create new namespace", r.Stderr);
        Assert.False(File.Exists(Dirs.Ws("ran.txt")));
    }
}
