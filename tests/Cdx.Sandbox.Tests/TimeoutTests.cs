namespace Cdx.Sandbox.Tests;

public sealed class TimeoutTests : IDisposable
{
    private readonly TempDirs _dirs = new();

    public void Dispose() => _dirs.Dispose();

    [Theory]
    [InlineData(SandboxMode.WorkspaceWrite)]
    [InlineData(SandboxMode.ReadOnly)]
    [InlineData(SandboxMode.DangerFullAccess)]
    public async Task Timeout_kills_the_command_and_every_descendant_including_setsid_ones(SandboxMode mode)
    {
        var marker = $"cdxmark{Guid.NewGuid():N}"[..20];
        // A child, a grandchild in a new session, and a nohup'd one; the marker names them all.
        var script =
            $"bash -c 'exec -a {marker}-a sleep 300' & " +
            $"setsid bash -c 'exec -a {marker}-b sleep 300' & " +
            $"nohup bash -c 'exec -a {marker}-c sleep 300' >/dev/null 2>&1 & " +
            "echo started; wait";
        var r = await Run.Sh(script, _dirs.Workspace, Run.Policy(mode), timeout: TimeSpan.FromSeconds(1));
        Assert.True(r.TimedOut);
        Assert.Equal(ExecResult.TimeoutExitCode, r.ExitCode);
        Assert.Contains("started", r.Output);
        Assert.Empty(await Run.SurvivorsAsync(marker));
    }

    [Fact]
    public async Task A_fast_command_is_not_reported_as_timed_out()
    {
        var r = await Run.Sh("echo quick", _dirs.Workspace, SandboxPolicy.ReadOnly, timeout: TimeSpan.FromSeconds(20));
        Assert.False(r.TimedOut);
        Assert.Equal(0, r.ExitCode);
    }
}
