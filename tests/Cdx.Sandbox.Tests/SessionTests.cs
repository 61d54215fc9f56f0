namespace Cdx.Sandbox.Tests;

public sealed class SessionTests : IDisposable
{
    private readonly TempDirs _dirs = new();

    public void Dispose() => _dirs.Dispose();

    private ExecRequest Request(string script, bool tty, SandboxMode mode = SandboxMode.WorkspaceWrite) => new()
    {
        Command = ["/bin/sh", "-c", script],
        WorkingDirectory = _dirs.Workspace,
        Policy = Run.Policy(mode),
        Tty = tty,
    };

    [Fact]
    public async Task A_pty_session_takes_input_through_write_stdin_and_reports_its_exit()
    {
        await using var sessions = new ExecSessionManager();
        var first = await sessions.StartAsync(
            Request("test -t 0 && echo is-a-tty; read line; echo got:$line; read again; echo bye:$again", tty: true),
            TimeSpan.FromMilliseconds(500), CancellationToken.None);
        Assert.NotNull(first.SessionId);
        Assert.Null(first.ExitCode);
        Assert.Contains("is-a-tty\r\n", first.Output);

        var second = await sessions.WriteStdinAsync(first.SessionId!.Value, "hello\n", TimeSpan.FromSeconds(2), CancellationToken.None);
        Assert.Contains("got:hello\r\n", second.Output);
        Assert.Equal(first.SessionId, second.SessionId);

        var third = await sessions.WriteStdinAsync(first.SessionId!.Value, "world\n", TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(0, third.ExitCode);
        Assert.Contains("bye:world", third.Output);
        Assert.Empty(sessions.SessionIds);
    }

    [Fact]
    public async Task A_command_that_exits_within_the_yield_time_returns_its_exit_code()
    {
        await using var sessions = new ExecSessionManager();
        var chunk = await sessions.StartAsync(Request("echo done; exit 3", tty: false), TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(3, chunk.ExitCode);
        Assert.Null(chunk.SessionId);
        Assert.Equal("done\n", chunk.Output);
        Assert.Equal(2, chunk.OriginalTokenCount);
    }

    [Fact]
    public async Task Unknown_session_ids_are_rejected_with_codex_wording()
    {
        await using var sessions = new ExecSessionManager();
        var ex = await Assert.ThrowsAsync<UnknownSessionException>(
            () => sessions.WriteStdinAsync(4242, "", TimeSpan.Zero, CancellationToken.None));
        Assert.Equal("Unknown process id 4242", ex.Message);
    }

    [Fact]
    public async Task Disposing_the_manager_kills_every_running_session()
    {
        var marker = $"cdxsess{Guid.NewGuid():N}"[..20];
        var sessions = new ExecSessionManager();
        await sessions.StartAsync(Request($"bash -c 'exec -a {marker}-1 sleep 300'", tty: false), TimeSpan.Zero, CancellationToken.None);
        await sessions.StartAsync(
            Request($"bash -c 'exec -a {marker}-2 sleep 300'", tty: true, SandboxMode.DangerFullAccess), TimeSpan.Zero, CancellationToken.None);
        Assert.Equal(2, sessions.SessionIds.Count);
        Assert.NotEmpty(Run.ProcessesWith(marker));
        await sessions.DisposeAsync();
        Assert.Empty(await Run.SurvivorsAsync(marker));
    }

    [Fact]
    public async Task A_session_with_a_timeout_is_killed_when_it_expires()
    {
        await using var sessions = new ExecSessionManager();
        var first = await sessions.StartAsync(
            Request("echo start; sleep 300", tty: false) with { Timeout = TimeSpan.FromMilliseconds(300) },
            TimeSpan.FromSeconds(20), CancellationToken.None);
        Assert.Equal(ExecResult.TimeoutExitCode, first.ExitCode);
        Assert.Contains("start", first.Output);
    }
}
