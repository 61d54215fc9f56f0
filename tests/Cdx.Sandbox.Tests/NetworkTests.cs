using System.Net;
using System.Net.Sockets;

namespace Cdx.Sandbox.Tests;

public sealed class NetworkTests : IDisposable
{
    private readonly TempDirs _dirs = new();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public NetworkTests() => _listener.Start();

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose()
    {
        _listener.Stop();
        _dirs.Dispose();
    }

    private string ConnectScript() =>
        $"/usr/bin/python3 -c \"import socket; s=socket.create_connection(('127.0.0.1', {Port}), 2); s.sendall(b'hi'); print('connected')\"";

    [Theory]
    [InlineData(SandboxMode.ReadOnly)]
    [InlineData(SandboxMode.WorkspaceWrite)]
    public async Task Sandboxed_modes_cannot_reach_a_local_listener(SandboxMode mode)
    {
        var r = await Run.Sh(ConnectScript(), _dirs.Workspace, Run.Policy(mode));
        Assert.NotEqual(0, r.ExitCode);
        Assert.DoesNotContain("connected", r.Output);
        Assert.False(_listener.Pending(), "the listener outside the sandbox received a connection");
        Assert.NotNull(r.Denial);
    }

    [Fact]
    public async Task Workspace_write_with_network_access_reaches_the_listener()
    {
        var r = await Run.Sh(ConnectScript(), _dirs.Workspace, Run.Policy(SandboxMode.WorkspaceWrite, network: true));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("connected", r.Output);
        Assert.True(_listener.Pending());
    }

    [Fact]
    public async Task Danger_full_access_reaches_the_listener()
    {
        var r = await Run.Sh(ConnectScript(), _dirs.Workspace, SandboxPolicy.DangerFullAccess);
        Assert.Equal(0, r.ExitCode);
        Assert.True(_listener.Pending());
    }

    [Fact]
    public async Task Unix_socketpairs_still_work_inside_the_sandbox()
    {
        var r = await Run.Sh(
            "/usr/bin/python3 -c \"import socket; a,b=socket.socketpair(); a.send(b'ok'); print(b.recv(2).decode())\"",
            _dirs.Workspace, SandboxPolicy.WorkspaceWrite);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("ok\n", r.Output);
    }
}
