using System.Runtime.InteropServices;

namespace Cdx.Cli.Commands;

/// <summary>
/// Ctrl-C while a turn runs: the first SIGINT cancels <see cref="FirstInterrupt"/> (the turn aborts
/// cleanly), the second ends the process at once with exit code 130.
/// </summary>
internal sealed class InterruptWatcher : IDisposable
{
    private readonly CancellationTokenSource _first = new();
    private readonly PosixSignalRegistration _registration;
    private int _count;

    public InterruptWatcher()
    {
        _registration = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    }

    /// <summary>Cancelled by the first Ctrl-C.</summary>
    public CancellationToken FirstInterrupt => _first.Token;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref _count) == 1)
        {
            _first.Cancel();
            return;
        }
        Environment.Exit(ExecRunner.InterruptedExitCode);
    }

    public void Dispose()
    {
        _registration.Dispose();
        _first.Dispose();
    }
}
