using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Cdx.Config.Model;
using Cdx.Core.Approvals;
using Cdx.Sandbox;

namespace Cdx.Core.Tools;

/// <summary>
/// Runs the model's tool calls for one thread: specs, argument parsing, approvals, the sandbox, and
/// Codex's output texts. Owns the unified-exec sessions; disposing kills them.
/// </summary>
public sealed partial class ToolRuntime : IAsyncDisposable
{
    private readonly ToolRuntimeOptions _o;
    private readonly CommandPolicy _policy;
    private readonly ExecSessionManager _sessions = new();
    private readonly ConcurrentDictionary<int, RunningCommand> _running = new();
    private readonly ConcurrentDictionary<string, byte> _approvedForSession = new(StringComparer.Ordinal);

    /// <summary>Creates the runtime; <see cref="ToolRuntimeOptions.Cwd"/> must be an absolute directory.</summary>
    public ToolRuntime(ToolRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Path.IsPathRooted(options.Cwd))
        {
            throw new ArgumentException($"the tool working directory {options.Cwd} must be absolute.", nameof(options));
        }
        _o = options;
        _policy = new CommandPolicy(options.Rules, options.Approval, options.Sandbox.Mode);
        ToolSpecs = Tools.ToolSpecs.Build(options);
    }

    /// <summary>The exact tool specs for the chosen tool set (Responses shape).</summary>
    public IReadOnlyList<JsonObject> ToolSpecs { get; }

    /// <summary>The options this runtime was built with.</summary>
    public ToolRuntimeOptions Options => _o;

    /// <summary>True when the call may run concurrently with others of the same response.</summary>
    public bool IsParallelSafe(ToolCall call) => call.Name is "exec_command" or "shell" or "container.exec" or "view_image"
        || call.Kind == ToolCallKind.LocalShell;

    /// <summary>Runs a call and returns what the model sees; model-facing failures are outputs, never exceptions.</summary>
    internal async Task<ToolOutput> RunAsync(ToolCall call, IToolEvents events, CancellationToken ct)
    {
        try
        {
            return call.Kind switch
            {
                ToolCallKind.Custom => call.Name == "apply_patch"
                    ? await ApplyPatchAsync(call.CallId, call.Payload, _o.Cwd, events, ct).ConfigureAwait(false)
                    : $"unsupported call: {call.Name}",
                ToolCallKind.LocalShell => await LocalShellAsync(call, events, ct).ConfigureAwait(false),
                _ => await RunFunctionAsync(call, events, ct).ConfigureAwait(false),
            };
        }
        catch (ToolArgumentException e)
        {
            return e.Message;
        }
    }

    private Task<ToolOutput> RunFunctionAsync(ToolCall call, IToolEvents events, CancellationToken ct) => call.Name switch
    {
        "exec_command" when _o.EffectiveShellTool == ShellToolKind.UnifiedExec => ExecCommandAsync(call, events, ct),
        "write_stdin" when _o.EffectiveShellTool == ShellToolKind.UnifiedExec => WriteStdinAsync(call, events, ct),
        "shell" or "container.exec" when _o.EffectiveShellTool == ShellToolKind.Shell => ShellAsync(call, events, ct),
        "apply_patch" => ApplyPatchFunctionAsync(call, events, ct),
        "update_plan" when _o.OfferUpdatePlan => Task.FromResult(UpdatePlan(call, events)),
        "view_image" when _o.SupportsImages => Task.FromResult(ViewImage(call)),
        _ => Task.FromResult<ToolOutput>($"unsupported call: {call.Name}"),
    };

    /// <summary>Kills every running exec session and everything it started.</summary>
    public async ValueTask DisposeAsync() => await _sessions.DisposeAsync().ConfigureAwait(false);

    /// <summary>The argv a `cmd` string runs as: `[shell, -lc|-c, cmd]`.</summary>
    internal IReadOnlyList<string> ShellArgv(string cmd, string? shell, bool? login)
    {
        var useLogin = _o.AllowLoginShell && (login ?? true);
        return [shell ?? DefaultShell(), useLogin ? "-lc" : "-c", cmd];
    }

    private string DefaultShell()
    {
        if (_o.UserShell is { } s)
        {
            return s;
        }
        var env = Environment.GetEnvironmentVariable("SHELL");
        return env is not null && Path.GetFileName(env) is "bash" or "zsh" or "sh" && File.Exists(env) ? env : "/bin/bash";
    }

    /// <summary>`workdir` resolved against the turn cwd.</summary>
    private string ResolveWorkdir(string? workdir) =>
        string.IsNullOrEmpty(workdir) ? _o.Cwd : Path.GetFullPath(workdir, _o.Cwd);

    private static bool ParseEscalation(ToolArguments args)
    {
        if (args.Bool("with_escalated_permissions") == true)
        {
            return true;
        }
        return args.String("sandbox_permissions") switch
        {
            null or "use_default" => false,
            "require_escalated" => true,
            var other => throw args.ValueError($"unknown variant `{other}`, expected `use_default` or `require_escalated`"),
        };
    }

    private bool CanAskForEscalation => _o.Approval.Mode is ApprovalMode.OnRequest or ApprovalMode.Granular;

    private ExecRequest Request(IReadOnlyList<string> argv, string workdir, bool unsandboxed, bool tty = false, TimeSpan? timeout = null) => new()
    {
        Command = argv,
        WorkingDirectory = workdir,
        Policy = unsandboxed ? SandboxPolicy.DangerFullAccess : _o.Sandbox,
        EnvironmentPolicy = _o.Environment,
        BaseEnvironment = _o.BaseEnvironment,
        Tty = tty,
        Timeout = timeout,
    };

    /// <summary>A command still running in an exec session, for its completion event.</summary>
    private sealed class RunningCommand(string callId, string display)
    {
        public string CallId { get; } = callId;

        public string Display { get; } = display;

        public HeadTailBuffer Output { get; } = new();

        public void Append(string text) => Output.Append(System.Text.Encoding.UTF8.GetBytes(text));

        public string Aggregated()
        {
            var (bytes, omitted) = Output.Drain();
            return OutputText.FromCapture(bytes, omitted);
        }
    }
}
