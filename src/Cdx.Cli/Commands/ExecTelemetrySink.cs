using System.Text.Json;
using System.Text.Json.Nodes;
using Cdx.Core.Session;
using Cdx.Core.Tools;
using Cdx.Governance.Client.Telemetry;
using Cdx.Protocol.Exec;

namespace Cdx.Cli.Commands;

/// <summary>
/// Passes every event to the real sink, then records the governance analytics and compliance facts
/// of the run (usage per response, `CODEX_LOG`, `CODEX_SECURITY_LOG`) in the durable spool.
/// Recording is a local append; nothing here can fail or stall a turn (problems become one warning).
/// </summary>
public sealed class ExecTelemetrySink(ISessionEventSink inner, GovernanceTelemetry telemetry, string threadId, string model,
    TelemetryEnvironment environment, TextWriter stderr) : ISessionEventSink
{
    /// <summary>Tool output kept per result: head and tail of this many characters each (the log is for audit, not replay).</summary>
    public const int OutputKeep = 4096;

    private string? _turnId;
    private bool _warned;
    private int _unflushed;

    /// <summary>Events recorded since the last <see cref="FlushAsync"/>.</summary>
    public int Unflushed => Volatile.Read(ref _unflushed);

    /// <summary>Ships the spool (this run's events and any left by earlier runs); what cannot go out stays spooled.</summary>
    public Task<ShipResult> FlushAsync(CancellationToken ct)
    {
        Volatile.Write(ref _unflushed, 0);
        return telemetry.FlushAsync(ct);
    }

    /// <inheritdoc />
    public void Emit(ExecEvent e)
    {
        inner.Emit(e);
        if (e is not ItemEvent item)
        {
            return;
        }
        switch (item)
        {
            case { Phase: ItemPhase.Completed, Item: ExecAgentMessage m }:
                Log(TelemetryEventTypes.CodexLog, "agent_message", new JsonObject { ["text"] = m.Text });
                break;
            case { Phase: ItemPhase.Started, Item: ExecCommandExecution c }:
                Log(TelemetryEventTypes.CodexLog, "tool_call", new JsonObject { ["tool"] = "command", ["command"] = c.Command });
                break;
            case { Phase: ItemPhase.Completed, Item: ExecCommandExecution c }:
                Log(TelemetryEventTypes.CodexLog, "tool_result", new JsonObject
                {
                    ["tool"] = "command",
                    ["command"] = c.Command,
                    ["exit_code"] = c.ExitCode,
                    ["status"] = c.Status,
                    ["output"] = Truncate(c.AggregatedOutput),
                    ["output_chars"] = c.AggregatedOutput.Length,
                });
                break;
            case { Phase: ItemPhase.Completed, Item: ExecFileChange f }:
                Log(TelemetryEventTypes.CodexLog, "file_change", new JsonObject
                {
                    ["status"] = f.Status,
                    ["changes"] = new JsonArray([.. f.Changes.Select(c => (JsonNode)new JsonObject { ["path"] = c.Path, ["kind"] = c.Kind })]),
                });
                break;
        }
    }

    /// <inheritdoc />
    public void Observe(SessionFact fact)
    {
        inner.Observe(fact);
        _turnId = fact.TurnId;
        switch (fact)
        {
            case SessionFact.TurnBegan t:
                Log(TelemetryEventTypes.CodexLog, "prompt", new JsonObject { ["text"] = t.Prompt, ["images"] = t.ImageCount });
                break;
            case SessionFact.ResponseCompleted r:
                Record(new TelemetryEvent
                {
                    Type = TelemetryEventTypes.Usage,
                    Model = r.Model,
                    Tokens = new TelemetryTokens
                    {
                        Input = r.Usage.InputTokens,
                        CachedInput = r.Usage.CachedInputTokens,
                        Output = r.Usage.OutputTokens,
                        Reasoning = r.Usage.ReasoningOutputTokens,
                    },
                });
                break;
            case SessionFact.Security { Fact: var s }:
                Security(Kind(s.Kind), new JsonObject
                {
                    ["call_id"] = s.CallId,
                    ["subject"] = s.Subject,
                    ["reason"] = s.Reason,
                    ["source"] = s.Source,
                    ["from_rule"] = s.FromRule,
                });
                break;
        }
    }

    /// <summary>Records a `CODEX_SECURITY_LOG` fact that does not come from a tool (requirement fallback, policy fetch failure).</summary>
    public void Security(string kind, JsonObject payload) => Log(TelemetryEventTypes.CodexSecurityLog, kind, payload);

    private static string Kind(ToolSecurityKind kind) => kind switch
    {
        ToolSecurityKind.Approval => "approval",
        ToolSecurityKind.SandboxDenial => "sandbox_denial",
        _ => "rejection",
    };

    private void Log(string type, string kind, JsonObject payload) => Record(new TelemetryEvent
    {
        Type = type,
        Kind = kind,
        Model = model,
        Environment = environment,
        Payload = JsonSerializer.SerializeToElement(payload, ExecTelemetryJson.Default.JsonObject),
    });

    private void Record(TelemetryEvent e)
    {
        telemetry.Record(e with { ThreadId = threadId, TurnId = _turnId });
        Interlocked.Increment(ref _unflushed);
        if (telemetry.LastProblem is { } problem && !_warned)
        {
            // One line per run: the turn goes on, the events are simply not recorded.
            _warned = true;
            stderr.WriteLine($"warning: governance telemetry: {problem}");
        }
    }

    private static string Truncate(string output) => output.Length <= 2 * OutputKeep
        ? output
        : $"{output[..OutputKeep]}\n[… {output.Length - 2 * OutputKeep} characters omitted …]\n{output[^OutputKeep..]}";
}
