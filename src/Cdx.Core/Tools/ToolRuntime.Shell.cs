using System.Globalization;
using Cdx.ExecPolicy.Shell;
using Cdx.Sandbox;

namespace Cdx.Core.Tools;

public sealed partial class ToolRuntime
{
    private const int DefaultShellTimeoutMs = 10_000;

    /// <summary>The classic `shell` tool: argv, workdir, timeout (spec tools.md §4.1).</summary>
    private async Task<ToolOutput> ShellAsync(ToolCall call, IToolEvents events, CancellationToken ct)
    {
        var args = ToolArguments.Parse(call.Payload);
        var argv = args.RequiredStringList("command");
        var timeout = args.Number("timeout_ms") ?? args.Number("timeout");
        return await RunArgvAsync(call.CallId, argv, args.String("workdir"), timeout, ParseEscalation(args),
            args.String("justification"), args.StringList("prefix_rule"), events, ct).ConfigureAwait(false);
    }

    /// <summary>A hosted `local_shell_call`: the payload is its `action` object.</summary>
    private async Task<ToolOutput> LocalShellAsync(ToolCall call, IToolEvents events, CancellationToken ct)
    {
        var args = ToolArguments.Parse(call.Payload);
        var argv = args.RequiredStringList("command");
        return await RunArgvAsync(call.CallId, argv, args.String("working_directory"), args.Number("timeout_ms"), false, null, null, events, ct)
            .ConfigureAwait(false);
    }

    private async Task<ToolOutput> RunArgvAsync(
        string callId, IReadOnlyList<string> argv, string? workdirArg, long? timeoutMs, bool escalate, string? justification,
        IReadOnlyList<string>? prefixRule, IToolEvents events, CancellationToken ct)
    {
        if (argv.Count == 0)
        {
            throw new ToolArgumentException("invalid length 0, expected a non-empty command");
        }
        var workdir = ResolveWorkdir(workdirArg);
        if (ApplyPatchInvocation.FromArgv(argv) is { } patch)
        {
            return patch.Bare
                ? ApplyPatchInvocation.BarePatchRejection
                : await ApplyPatchAsync(callId, patch.Patch!, patch.Directory is { } d ? Path.GetFullPath(d, workdir) : workdir, events, ct).ConfigureAwait(false);
        }
        var display = Shlex.Join(argv);
        var gate = await GateCommandAsync(callId, argv, workdir, escalate, justification, prefixRule, events, ct).ConfigureAwait(false);
        switch (gate.Kind)
        {
            case GateKind.Escalation or GateKind.Rejected:
                return gate.Reason!;
            case GateKind.ApprovalFailed:
                events.CommandStarted(callId, display);
                events.CommandFinished(callId, display, "", null, CommandStatus.Failed);
                return gate.Reason!;
        }
        var ms = timeoutMs is > 0 ? timeoutMs.Value : DefaultShellTimeoutMs;
        events.CommandStarted(callId, display);
        ExecResult result;
        try
        {
            result = await SandboxedProcessRunner.RunAsync(Request(argv, workdir, gate.Unsandboxed, timeout: TimeSpan.FromMilliseconds(ms)), ct)
                .ConfigureAwait(false);
            if (result.Denial is { } denial && !gate.Unsandboxed)
            {
                var retry = await ApproveRetryUnsandboxedAsync(callId, argv, workdir, denial, ct).ConfigureAwait(false);
                ReportDenial(events, callId, display, denial, retry);
                if (retry)
                {
                    result = await SandboxedProcessRunner.RunAsync(Request(argv, workdir, true, timeout: TimeSpan.FromMilliseconds(ms)), ct)
                        .ConfigureAwait(false);
                }
            }
        }
        catch (SandboxException e)
        {
            events.CommandFinished(callId, display, e.Message, -1, CommandStatus.Failed);
            return $"execution error: {e.Message}";
        }
        var output = result.TimedOut
            ? $"command timed out after {ms.ToString(CultureInfo.InvariantCulture)} milliseconds\n{result.Output}"
            : result.Output;
        events.CommandFinished(callId, display, output, result.ExitCode, result.ExitCode == 0 ? CommandStatus.Completed : CommandStatus.Failed);
        return ExecOutputFormat.Freeform(result.ExitCode, result.Duration, output, DefaultMaxOutputTokens);
    }

}
