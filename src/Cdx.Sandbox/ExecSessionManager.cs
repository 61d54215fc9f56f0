using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Cdx.Sandbox;

/// <summary>
/// The unified-exec model: <see cref="StartAsync"/> runs a command and waits up to a yield time;
/// a command still running stays alive as a session with a random id, fed and polled through
/// <see cref="WriteStdinAsync"/>. Disposing kills every session (end of turn / end of run).
/// </summary>
public sealed class ExecSessionManager : IAsyncDisposable
{
    /// <summary>Codex's yield-time range for exec_command.</summary>
    public static readonly TimeSpan MinYield = TimeSpan.FromMilliseconds(250);

    /// <summary>Upper bound for exec_command yields and non-empty writes.</summary>
    public static readonly TimeSpan MaxYield = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<int, Session> _sessions = new();

    /// <summary>Ids of sessions still running.</summary>
    public IReadOnlyCollection<int> SessionIds => _sessions.Keys.ToList();

    /// <summary>Starts <paramref name="request"/> and waits up to <paramref name="yieldTime"/> (clamped to 250 ms..30 s) for it to exit.</summary>
    public async Task<ExecChunk> StartAsync(ExecRequest request, TimeSpan yieldTime, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var mode = request.Tty ? StdioMode.Pty : StdioMode.Pipes;
        var child = await SandboxedProcessRunner.StartAsync(request, mode, keepStdinOpen: false).ConfigureAwait(false);
        var session = new Session(NewId(), child);
        _sessions[session.Id] = session;
        if (request.Timeout is { } timeout)
        {
            session.KillAfter(timeout);
        }
        return await CollectAsync(session, Clamp(yieldTime, MinYield, MaxYield), started, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes <paramref name="chars"/> (may be empty: a poll) to session <paramref name="sessionId"/>
    /// and returns output produced since the last call; throws <see cref="UnknownSessionException"/>.
    /// </summary>
    public async Task<ExecChunk> WriteStdinAsync(int sessionId, string chars, TimeSpan yieldTime, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        if (!_sessions.TryGetValue(sessionId, out var session))
        {
            throw new UnknownSessionException(sessionId);
        }
        if (chars.Length > 0)
        {
            if (!session.Child.HasInput)
            {
                throw new InvalidOperationException(
                    $"session {sessionId} has no terminal to write to; start the command with tty=true to send it input.");
            }
            await session.Child.WriteInputAsync(Encoding.UTF8.GetBytes(chars), ct).ConfigureAwait(false);
        }
        var wait = chars.Length > 0
            ? Clamp(yieldTime, MinYield, MaxYield)
            : Clamp(yieldTime, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(300));
        return await CollectAsync(session, wait, started, ct).ConfigureAwait(false);
    }

    /// <summary>Kills one session and forgets it.</summary>
    public async Task KillAsync(int sessionId)
    {
        if (_sessions.TryRemove(sessionId, out var session))
        {
            session.StopTimer();
            await session.Child.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Kills every session and everything they started.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var id in _sessions.Keys.ToList())
        {
            await KillAsync(id).ConfigureAwait(false);
        }
    }

    private async Task<ExecChunk> CollectAsync(Session session, TimeSpan wait, Stopwatch started, CancellationToken ct)
    {
        var child = session.Child;
        var deadline = Task.Delay(wait, ct);
        var done = Task.WhenAll(child.Exited, child.OutputClosed);
        await Task.WhenAny(done, deadline).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        int? exit = null;
        if (child.Exited.IsCompleted)
        {
            exit = await child.WaitForCompletionAsync(ct).ConfigureAwait(false);
            if (session.TimedOut)
            {
                exit = ExecResult.TimeoutExitCode;
            }
            _sessions.TryRemove(session.Id, out _);
            session.StopTimer();
            await child.DisposeAsync().ConfigureAwait(false);
        }
        var total = child.Output.TotalBytes;
        var newBytes = total - session.ReportedBytes;
        session.ReportedBytes = total;
        var (bytes, omitted) = child.Output.Drain();
        var output = OutputText.FromCapture(bytes, omitted);
        return new ExecChunk
        {
            SessionId = exit is null ? session.Id : null,
            ExitCode = exit,
            Output = output,
            WallTime = started.Elapsed,
            OriginalTokenCount = OutputText.EstimateTokens(newBytes),
            Denial = exit is { } code ? SandboxDenialDetector.Detect(child.Sandboxed, code, session.TimedOut, output) : null,
        };
    }

    private int NewId()
    {
        while (true)
        {
            var id = Random.Shared.Next(1000, 100_000);
            if (!_sessions.ContainsKey(id))
            {
                return id;
            }
        }
    }

    private static TimeSpan Clamp(TimeSpan t, TimeSpan min, TimeSpan max) => t < min ? min : t > max ? max : t;

    private sealed class Session(int id, ChildProcess child)
    {
        public int Id { get; } = id;

        public ChildProcess Child { get; } = child;

        public long ReportedBytes { get; set; }

        public bool TimedOut { get; private set; }

        private CancellationTokenSource? _timer;

        /// <summary>Kills the session when <paramref name="timeout"/> elapses before it exits.</summary>
        public void KillAfter(TimeSpan timeout)
        {
            _timer = new CancellationTokenSource(timeout);
            _timer.Token.Register(() =>
            {
                if (!Child.Exited.IsCompleted)
                {
                    TimedOut = true;
                    Child.Kill();
                }
            });
        }

        /// <summary>Stops the timeout timer.</summary>
        public void StopTimer() => _timer?.Dispose();
    }
}
