using Cdx.Core.Approvals;
using Cdx.ExecPolicy.Shell;
using Cdx.Sandbox;

namespace Cdx.Core.Tools;

public sealed partial class ToolRuntime
{
    private const int DefaultMaxOutputTokens = 10_000;

    /// <summary>`exec_command`: unified exec through <see cref="ExecSessionManager"/> (spec tools.md §2).</summary>
    private async Task<ToolOutput> ExecCommandAsync(ToolCall call, IToolEvents events, CancellationToken ct)
    {
        var args = ToolArguments.Parse(call.Payload);
        var cmd = args.RequiredString("cmd");
        var workdir = ResolveWorkdir(args.String("workdir"));
        var escalate = ParseEscalation(args);
        var shell = args.String("shell");
        var login = args.Bool("login");
        var tty = args.Bool("tty") ?? false;
        var yield = TimeSpan.FromMilliseconds(args.Number("yield_time_ms") ?? 10_000);
        var maxTokens = (int)Math.Clamp(args.Number("max_output_tokens") ?? DefaultMaxOutputTokens, 0, int.MaxValue);
        var justification = args.String("justification");
        var prefixRule = args.StringList("prefix_rule");

        if (ApplyPatchInvocation.FromScript(cmd) is { } patch)
        {
            return patch.Bare
                ? ApplyPatchInvocation.BarePatchRejection
                : await ApplyPatchAsync(call.CallId, patch.Patch!, patch.Directory is { } d ? Path.GetFullPath(d, workdir) : workdir, events, ct).ConfigureAwait(false);
        }

        var argv = ShellArgv(cmd, shell, login);
        var display = Shlex.Join(argv);
        var gate = await GateCommandAsync(call.CallId, argv, workdir, escalate, justification, prefixRule, events, ct).ConfigureAwait(false);
        switch (gate.Kind)
        {
            case GateKind.Escalation:
                return gate.Reason!;
            case GateKind.Rejected:
                return ApprovalTexts.ExecCommandRejected(gate.Reason!);
            case GateKind.ApprovalFailed:
                events.CommandStarted(call.CallId, display);
                events.CommandFinished(call.CallId, display, "", null, CommandStatus.Failed);
                return ApprovalTexts.ExecCommandRejected(gate.Reason!);
        }

        events.CommandStarted(call.CallId, display);
        ExecChunk chunk;
        try
        {
            chunk = await _sessions.StartAsync(Request(argv, workdir, gate.Unsandboxed, tty), yield, ct).ConfigureAwait(false);
            if (chunk is { ExitCode: not null, Denial: { } denial } && !gate.Unsandboxed)
            {
                var retry = await ApproveRetryUnsandboxedAsync(call.CallId, argv, workdir, denial, ct).ConfigureAwait(false);
                ReportDenial(events, call.CallId, display, denial, retry);
                if (retry)
                {
                    chunk = await _sessions.StartAsync(Request(argv, workdir, unsandboxed: true, tty), yield, ct).ConfigureAwait(false);
                }
            }
        }
        catch (SandboxException e)
        {
            var message = $"Failed to create unified exec process: {e.Message}";
            events.CommandFinished(call.CallId, display, message, -1, CommandStatus.Failed);
            return ApprovalTexts.ExecCommandRejected(message);
        }
        Track(call.CallId, display, chunk, events);
        return chunk.ToModelText(maxTokens);
    }

    /// <summary>`write_stdin`: feed or poll a running session (spec tools.md §3).</summary>
    private async Task<ToolOutput> WriteStdinAsync(ToolCall call, IToolEvents events, CancellationToken ct)
    {
        var args = ToolArguments.Parse(call.Payload);
        var id = args.RequiredNumber("session_id");
        var chars = args.String("chars") ?? "";
        var maxTokens = (int)Math.Clamp(args.Number("max_output_tokens") ?? DefaultMaxOutputTokens, 0, int.MaxValue);
        var yield = TimeSpan.FromMilliseconds(args.Number("yield_time_ms") ?? (chars.Length > 0 ? 250 : 5_000));
        if (id is < int.MinValue or > int.MaxValue || !_running.TryGetValue((int)id, out var running))
        {
            return $"write_stdin failed: Unknown process id {id}";
        }
        ExecChunk chunk;
        try
        {
            chunk = await _sessions.WriteStdinAsync((int)id, chars, yield, ct).ConfigureAwait(false);
        }
        catch (UnknownSessionException)
        {
            _running.TryRemove((int)id, out _);
            return $"write_stdin failed: Unknown process id {id}";
        }
        catch (InvalidOperationException)
        {
            return "write_stdin failed: stdin is closed for this session; rerun exec_command with tty=true to keep stdin open";
        }
        running.Append(chunk.Output);
        if (chunk.Output.Length > 0)
        {
            events.CommandOutput(running.CallId, chunk.Output);
        }
        if (chunk.ExitCode is { } code)
        {
            _running.TryRemove((int)id, out _);
            events.CommandFinished(running.CallId, running.Display, running.Aggregated(), code, code == 0 ? CommandStatus.Completed : CommandStatus.Failed);
        }
        return chunk.ToModelText(maxTokens);
    }

    /// <summary>Completes the command event now, or remembers the session for a later write_stdin.</summary>
    private void Track(string callId, string display, ExecChunk chunk, IToolEvents events)
    {
        if (chunk.ExitCode is { } code)
        {
            events.CommandFinished(callId, display, chunk.Output, code, code == 0 ? CommandStatus.Completed : CommandStatus.Failed);
            return;
        }
        var running = new RunningCommand(callId, display);
        running.Append(chunk.Output);
        _running[chunk.SessionId!.Value] = running;
    }
}
