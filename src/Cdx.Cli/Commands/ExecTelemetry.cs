using System.Text.Json.Nodes;
using Cdx.Core.Rollout;
using Cdx.Core.Session;
using Cdx.Governance.Client;
using Cdx.Governance.Client.Telemetry;

namespace Cdx.Cli.Commands;

/// <summary>
/// Governance telemetry for one exec run: opened only when logged in to a governance server with
/// `analytics.enabled` not false (otherwise the sink is not even wrapped), flushed after the turn
/// and at exit with a short budget; whatever does not go out stays in the spool for the next run.
/// </summary>
public sealed partial class ExecRunner
{
    /// <summary>How long a flush may delay the end of a turn or the exit.</summary>
    public static readonly TimeSpan FlushBudget = TimeSpan.FromSeconds(2);

    /// <summary>Notices the governance requirements source wrote while loading config (each one a policy fetch problem).</summary>
    public IReadOnlyList<string> PolicyFetchProblems { get; init; } = [];

    private GovernanceTelemetry OpenTelemetry()
    {
        if (!config.Config.AnalyticsEnabled)
        {
            return GovernanceTelemetry.Disabled;
        }
        try
        {
            return GovernanceTelemetry.Open(codexHome, "cdx_exec");
        }
        catch (GovernanceClientException)
        {
            // An unreadable auth.json already produced a notice while loading config; record nothing.
            return GovernanceTelemetry.Disabled;
        }
    }

    private ISessionEventSink WrapForTelemetry(ISessionEventSink sink, GovernanceTelemetry telemetry, string threadId, string model) =>
        telemetry.Enabled ? new ExecTelemetrySink(sink, telemetry, threadId, model, TelemetryEnvironmentOf(), stderr) : sink;

    private TelemetryEnvironment TelemetryEnvironmentOf() => new()
    {
        MachineId = MachineId(),
        Hostname = System.Environment.MachineName,
        Os = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "macos" : OperatingSystem.IsWindows() ? "windows" : "other",
        Cwd = Cwd,
        GitRemote = GitInfoReader.Read(Cwd)?.RepositoryUrl,
    };

    // The systemd/dbus machine id survives hostname changes; without one the server keys on the hostname.
    private static string? MachineId()
    {
        foreach (var path in (string[])["/etc/machine-id", "/var/lib/dbus/machine-id"])
        {
            try
            {
                var id = File.ReadAllText(path).Trim();
                if (id.Length > 0)
                {
                    return id;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
        return null;
    }

    /// <summary>Security facts known before the turn: requirement fallbacks and policy fetch problems.</summary>
    private void RecordStartFacts(ExecTelemetrySink? sink, IReadOnlyList<string> requirementFallbacks)
    {
        if (sink is null)
        {
            return;
        }
        foreach (var warning in requirementFallbacks)
        {
            sink.Security("requirement_fallback", new JsonObject { ["message"] = warning });
        }
        foreach (var problem in PolicyFetchProblems)
        {
            sink.Security("policy_fetch_failure", new JsonObject { ["message"] = problem });
        }
    }

    /// <summary>Ships within <see cref="FlushBudget"/>; a failure is one notice line, never an error.</summary>
    private async Task FlushTelemetryAsync(ExecTelemetrySink? sink)
    {
        if (sink is null || sink.Unflushed == 0)
        {
            return;
        }
        using var budget = new CancellationTokenSource(FlushBudget);
        var result = await sink.FlushAsync(budget.Token);
        if (result.Problem is { } problem)
        {
            await stderr.WriteLineAsync($"cdx: notice: governance telemetry not delivered yet ({problem}); it stays in the spool and is sent by the next run.");
        }
    }
}
