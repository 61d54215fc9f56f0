using Cdx.Sandbox.Native;
using Microsoft.Win32.SafeHandles;

namespace Cdx.Sandbox;

/// <summary>
/// One started command: its pid, output pump, exit watcher and input. Output goes into a
/// <see cref="HeadTailBuffer"/> that callers drain; exit is observed with a blocking waitpid on a
/// dedicated thread. Killing takes the whole tree (and, sandboxed, the whole PID namespace).
/// </summary>
internal sealed partial class ChildProcess : IAsyncDisposable
{
    private readonly Lock _signalGate = new();
    private TaskCompletionSource _outputSignal = NewSignal();
    private IReadOnlyList<string> _placeholders = [];
    private FileStream? _input;
    private int _killed;

    private ChildProcess(int pid, bool sandboxed, HeadTailBuffer buffer)
    {
        Pid = pid;
        Sandboxed = sandboxed;
        Output = buffer;
    }

    /// <summary>The spawned process (bwrap when sandboxed).</summary>
    public int Pid { get; }

    /// <summary>True when the command runs under bwrap.</summary>
    public bool Sandboxed { get; }

    /// <summary>Unread output.</summary>
    public HeadTailBuffer Output { get; }

    /// <summary>Completes with the exit code (128+signal when killed).</summary>
    public Task<int> Exited { get; private set; } = Task.FromResult(0);

    /// <summary>Completes when the output stream reached end of file.</summary>
    public Task OutputClosed { get; private set; } = Task.CompletedTask;

    /// <summary>True when <see cref="Kill"/> was called.</summary>
    public bool WasKilled => Volatile.Read(ref _killed) != 0;

    /// <summary>True when stdin can be written (PTY sessions, or pipes opened for input).</summary>
    public bool HasInput => _input is not null;

    /// <summary>Starts <paramref name="launch"/> with <paramref name="environment"/>.</summary>
    public static async Task<ChildProcess> StartAsync(
        SandboxLaunch launch, IReadOnlyDictionary<string, string> environment, string cwd, StdioMode mode,
        bool keepStdinOpen, int outputCapacity)
    {
        var toClose = new List<int>();
        var fds = new List<FdMapping>();
        int readFd = -1;
        int writeFd = -1;
        try
        {
            switch (mode)
            {
                case StdioMode.Pty:
                    var pty = Pty.Open();
                    toClose.Add(pty.Slave);
                    readFd = pty.Master;
                    writeFd = Libc.fcntl(pty.Master, Libc.F_DUPFD_CLOEXEC, 3);
                    fds.AddRange([new(pty.Slave, 0), new(pty.Slave, 1), new(pty.Slave, 2)]);
                    break;
                case StdioMode.Pipes:
                    var (outRead, outWrite) = Pipe();
                    toClose.Add(outWrite);
                    readFd = outRead;
                    if (keepStdinOpen)
                    {
                        var (inRead, inWrite) = Pipe();
                        toClose.Add(inRead);
                        writeFd = inWrite;
                        fds.Add(new(inRead, 0));
                    }
                    else
                    {
                        fds.Add(new(-1, 0));
                    }
                    fds.AddRange([new(outWrite, 1), new(outWrite, 2)]);
                    break;
                default:
                    fds.AddRange([new(0, 0), new(1, 1), new(2, 2)]);
                    break;
            }
            if (launch.Seccomp is { } program)
            {
                var memfd = SealedProgramFd(program);
                toClose.Add(memfd);
                fds.Add(new(memfd, SandboxLaunch.SeccompFd));
            }

            var placeholders = PlaceholderRegistry.Acquire(launch);
            int pid;
            try
            {
                pid = await NativeSpawn.SpawnAsync(new SpawnSpec
                {
                    Program = launch.Program,
                    Argv = launch.Argv,
                    Environment = environment.Select(kv => $"{kv.Key}={kv.Value}").ToList(),
                    WorkingDirectory = cwd,
                    Fds = fds,
                    // A terminal user's Ctrl-C must still reach an attached command; tool runs get their own group.
                    NewSession = mode != StdioMode.Inherit,
                }).ConfigureAwait(false);
            }
            catch
            {
                PlaceholderRegistry.Release(placeholders);
                throw;
            }

            var child = new ChildProcess(pid, launch.Sandboxed, new HeadTailBuffer(outputCapacity)) { _placeholders = placeholders };
            child.Exited = child.WatchExitAsync();
            if (readFd >= 0)
            {
                child.OutputClosed = child.PumpAsync(readFd);
                readFd = -1;
            }
            if (writeFd >= 0)
            {
                child._input = new FileStream(new SafeFileHandle(writeFd, ownsHandle: true), FileAccess.Write, 1);
                writeFd = -1;
            }
            return child;
        }
        finally
        {
            foreach (var fd in toClose)
            {
                Libc.close(fd);
            }
            if (readFd >= 0)
            {
                Libc.close(readFd);
            }
            if (writeFd >= 0)
            {
                Libc.close(writeFd);
            }
        }
    }

    /// <summary>Waits until new output arrives, the output closes, or <paramref name="ct"/> fires.</summary>
    public Task WaitForOutputAsync(CancellationToken ct)
    {
        Task signal;
        lock (_signalGate)
        {
            signal = _outputSignal.Task;
        }
        return signal.WaitAsync(ct);
    }

    /// <summary>Writes <paramref name="data"/> to the command's stdin.</summary>
    public async Task WriteInputAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        if (_input is null)
        {
            throw new InvalidOperationException("stdin is not connected");
        }
        await _input.WriteAsync(data, ct).ConfigureAwait(false);
        await _input.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Closes stdin (EOF for the command).</summary>
    public void CloseInput()
    {
        _input?.Dispose();
        _input = null;
    }

    /// <summary>SIGKILLs the command and everything it started.</summary>
    public void Kill()
    {
        Interlocked.Exchange(ref _killed, 1);
        if (!Exited.IsCompleted)
        {
            ProcessTree.KillAll(Pid);
        }
        else if (!Sandboxed)
        {
            // The leader is gone; background children may still hold the group.
            Libc.kill(-Pid, Libc.SIGKILL);
            foreach (var p in ProcessTree.Descendants(Pid))
            {
                Libc.kill(p, Libc.SIGKILL);
            }
        }
    }

    /// <summary>Waits for exit and for the output to drain; kills stragglers holding the output open.</summary>
    public async Task<int> WaitForCompletionAsync(CancellationToken ct)
    {
        var code = await Exited.WaitAsync(ct).ConfigureAwait(false);
        if (await Task.WhenAny(OutputClosed, Task.Delay(250, ct)).ConfigureAwait(false) != OutputClosed)
        {
            // Background processes still hold the output pipe (only possible unsandboxed): end them.
            Kill();
            await Task.WhenAny(OutputClosed, Task.Delay(1000, ct)).ConfigureAwait(false);
        }
        return code;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!Exited.IsCompleted)
        {
            Kill();
        }
        await Task.WhenAny(Exited, Task.Delay(5000)).ConfigureAwait(false);
        CloseInput();
    }
}
