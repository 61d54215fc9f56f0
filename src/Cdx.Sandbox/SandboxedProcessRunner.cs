using System.Diagnostics;

namespace Cdx.Sandbox;

/// <summary>
/// Runs commands under a <see cref="SandboxPolicy"/>: bubblewrap + seccomp for read-only and
/// workspace-write, unwrapped for danger-full-access. Every tool that executes a command goes
/// through here (or through <see cref="ExecSessionManager"/> for long-running sessions).
/// </summary>
public static class SandboxedProcessRunner
{
    /// <summary>Runs to completion (or timeout) and returns exit code and captured output.</summary>
    public static async Task<ExecResult> RunAsync(ExecRequest request, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        await using var child = await StartAsync(request, request.Tty ? StdioMode.Pty : StdioMode.Pipes, keepStdinOpen: false)
            .ConfigureAwait(false);
        var timedOut = false;
        int code;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            if (request.Timeout is { } t)
            {
                timeout.CancelAfter(t);
            }
            try
            {
                await child.Exited.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                timedOut = true;
                child.Kill();
            }
            catch (OperationCanceledException)
            {
                child.Kill();
                throw;
            }
            code = await child.WaitForCompletionAsync(CancellationToken.None).ConfigureAwait(false);
        }
        if (timedOut)
        {
            code = ExecResult.TimeoutExitCode;
        }
        else if (code != 0 && child.Sandboxed)
        {
            await SandboxProbe.EnsureWorksAsync(ct).ConfigureAwait(false);
        }
        var total = child.Output.TotalBytes;
        var (bytes, omitted) = child.Output.Drain();
        var output = OutputText.FromCapture(bytes, omitted);
        return new ExecResult
        {
            ExitCode = code,
            Output = output,
            TimedOut = timedOut,
            Duration = started.Elapsed,
            TotalOutputBytes = total,
            OmittedBytes = omitted,
            Denial = SandboxDenialDetector.Detect(child.Sandboxed, code, timedOut, output),
        };
    }

    /// <summary>
    /// Runs with the caller's own stdin/stdout/stderr attached (the `cdx sandbox` command) and
    /// returns the command's exit status.
    /// </summary>
    public static async Task<int> RunAttachedAsync(ExecRequest request, CancellationToken ct)
    {
        await using var child = await StartAsync(request, StdioMode.Inherit, keepStdinOpen: false).ConfigureAwait(false);
        int code;
        try
        {
            code = await child.Exited.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            child.Kill();
            throw;
        }
        if (code != 0 && child.Sandboxed)
        {
            await SandboxProbe.EnsureWorksAsync(ct).ConfigureAwait(false);
        }
        return code;
    }

    /// <summary>Plans the launch and the environment, then spawns.</summary>
    internal static async Task<ChildProcess> StartAsync(ExecRequest request, StdioMode mode, bool keepStdinOpen)
    {
        if (!Path.IsPathRooted(request.WorkingDirectory) || !Directory.Exists(request.WorkingDirectory))
        {
            throw new SandboxException(
                $"the working directory {request.WorkingDirectory} does not exist; pass an existing absolute directory.");
        }
        var env = EnvironmentBuilder.Build(request.EnvironmentPolicy, request.BaseEnvironment ?? EnvironmentBuilder.Current());
        if (!request.Policy.HasNetwork)
        {
            env["CODEX_SANDBOX_NETWORK_DISABLED"] = "1";
        }
        var cwd = PathResolver.Resolve(Path.GetFullPath(request.WorkingDirectory)).Path;
        env.TryGetValue("TMPDIR", out var tmpdir);
        env.TryGetValue("PATH", out var path);
        var launch = BwrapArguments.Plan(request.Policy, request.Command, cwd, tmpdir, path);
        return await ChildProcess.StartAsync(launch, env, cwd, mode, keepStdinOpen, request.OutputCapBytes).ConfigureAwait(false);
    }
}
