using Cdx.Sandbox.Native;
using Microsoft.Win32.SafeHandles;

namespace Cdx.Sandbox;

/// <summary>Descriptor plumbing, output pump and exit watcher of <see cref="ChildProcess"/>.</summary>
internal sealed unsafe partial class ChildProcess
{
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static (int Read, int Write) Pipe()
    {
        var fds = stackalloc int[2];
        if (Libc.pipe2(fds, Libc.O_CLOEXEC) != 0)
        {
            throw new SandboxException($"cannot create a pipe: {Libc.LastError()}.");
        }
        return (fds[0], fds[1]);
    }

    /// <summary>An anonymous in-memory file holding the seccomp program, positioned at its start.</summary>
    private static int SealedProgramFd(byte[] program)
    {
        var fd = Libc.memfd_create("cdx-seccomp", Libc.MFD_CLOEXEC);
        if (fd < 0)
        {
            throw new SandboxException($"cannot create the seccomp program file: {Libc.LastError()}.");
        }
        fixed (byte* p = program)
        {
            var written = 0;
            while (written < program.Length)
            {
                var n = Libc.write(fd, p + written, program.Length - written);
                if (n <= 0)
                {
                    Libc.close(fd);
                    throw new SandboxException($"cannot write the seccomp program: {Libc.LastError()}.");
                }
                written += (int)n;
            }
        }
        Libc.lseek(fd, 0, 0);
        return fd;
    }

    private Task<int> WatchExitAsync() => Task.Factory.StartNew(
        () =>
        {
            try
            {
                int status;
                while (true)
                {
                    var rc = Libc.waitpid(Pid, &status, 0);
                    if (rc == Pid)
                    {
                        return Libc.DecodeWaitStatus(status);
                    }
                    if (rc < 0 && System.Runtime.InteropServices.Marshal.GetLastPInvokeError() != Libc.EINTR)
                    {
                        // Someone else reaped it (ECHILD): the status is lost; report a generic failure.
                        return 1;
                    }
                }
            }
            finally
            {
                PlaceholderRegistry.Release(_placeholders);
                Signal();
            }
        },
        CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private Task PumpAsync(int fd) => Task.Factory.StartNew(
        () =>
        {
            using var stream = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, 0);
            var buffer = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    var n = stream.Read(buffer, 0, buffer.Length);
                    if (n <= 0)
                    {
                        break;
                    }
                    Output.Append(buffer.AsSpan(0, n));
                    Signal();
                }
            }
            catch (IOException)
            {
                // A PTY master reads EIO once every slave descriptor is closed: that is end of output.
            }
            finally
            {
                Signal();
            }
        },
        CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Signal()
    {
        TaskCompletionSource old;
        lock (_signalGate)
        {
            old = _outputSignal;
            _outputSignal = NewSignal();
        }
        old.TrySetResult();
    }
}
