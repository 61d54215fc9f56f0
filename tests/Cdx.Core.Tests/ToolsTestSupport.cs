using System.Collections.Concurrent;
using Cdx.Config.Model;
using Cdx.Core.Approvals;
using Cdx.Core.Tools;
using Cdx.ExecPolicy.Rules;
using Cdx.Sandbox;

namespace Cdx.Core.Tests;

/// <summary>Records every tool event in order.</summary>
internal sealed class RecordingEvents : IToolEvents
{
    public ConcurrentQueue<string> Log { get; } = new();

    public List<(string CallId, string Command, string Output, int? Exit, CommandStatus Status)> Finished { get; } = [];

    public List<IReadOnlyList<FileChangeSummary>> Patches { get; } = [];

    public List<PatchStatus> PatchStatuses { get; } = [];

    public List<(string? Explanation, IReadOnlyList<PlanStep> Steps)> Plans { get; } = [];

    public void CommandStarted(string callId, string command) => Log.Enqueue($"started {callId} {command}");

    public void CommandOutput(string callId, string chunk) => Log.Enqueue($"output {callId}");

    public void CommandFinished(string callId, string command, string aggregatedOutput, int? exitCode, CommandStatus status)
    {
        Log.Enqueue($"finished {callId} {status}");
        lock (Finished)
        {
            Finished.Add((callId, command, aggregatedOutput, exitCode, status));
        }
    }

    public void PatchStarted(string callId, IReadOnlyList<FileChangeSummary> changes)
    {
        Log.Enqueue($"patch-started {callId}");
        Patches.Add(changes);
    }

    public void PatchFinished(string callId, IReadOnlyList<FileChangeSummary> changes, PatchStatus status)
    {
        Log.Enqueue($"patch-finished {callId} {status}");
        PatchStatuses.Add(status);
    }

    public void PlanUpdated(string callId, string? explanation, IReadOnlyList<PlanStep> steps) => Plans.Add((explanation, steps));

    public void Notice(string message) => Log.Enqueue($"notice {message}");
}

/// <summary>An approval handler with a fixed answer that records what it was asked.</summary>
internal sealed class FixedApprovalHandler(ApprovalDecision answer) : IApprovalHandler
{
    public List<ApprovalRequest> Requests { get; } = [];

    public Task<ApprovalDecision> RequestApprovalAsync(ApprovalRequest request, CancellationToken ct)
    {
        Requests.Add(request);
        return Task.FromResult(answer);
    }
}

/// <summary>A scratch working directory (under /tmp, a git repo root) removed on dispose.</summary>
internal sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Dir = Path.Combine(Path.GetTempPath(), "cdx-tools-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Dir);
    }

    public string Dir { get; }

    public string PathOf(string rel) => System.IO.Path.Combine(Dir, rel);

    public string Write(string rel, string text)
    {
        var path = PathOf(rel);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public ToolRuntime Runtime(
        SandboxPolicy? sandbox = null, ApprovalMode approval = ApprovalMode.Never, Policy? rules = null,
        IApprovalHandler? handler = null, Func<ToolRuntimeOptions, ToolRuntimeOptions>? tweak = null)
    {
        var o = new ToolRuntimeOptions
        {
            Cwd = Dir,
            Sandbox = sandbox ?? SandboxPolicy.DangerFullAccess,
            Approval = new ApprovalPolicy(approval),
            Rules = rules ?? Policy.Empty,
            ApprovalHandler = handler ?? NonInteractiveApprovalHandler.Instance,
            UserShell = "/bin/bash",
        };
        return new ToolRuntime(tweak is null ? o : tweak(o));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Helpers to build calls and read outputs.</summary>
internal static class Calls
{
    public static ToolCall Fn(string name, string json, string id = "call_1") => new(id, name, ToolCallKind.Function, json);

    public static ToolCall Custom(string name, string input, string id = "call_1") => new(id, name, ToolCallKind.Custom, input);


    public static async Task<string> TextAsync(this ToolRuntime rt, ToolCall call, IToolEvents? events = null) =>
        (await rt.RunAsync(call, events ?? new RecordingEvents(), CancellationToken.None)).Text;

    public static Policy Rules(string text)
    {
        var loader = new PolicyLoader();
        loader.LoadText("test.rules", text);
        return loader.Build();
    }
}
