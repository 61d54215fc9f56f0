using System.Text.Json.Nodes;
using Cdx.Config.Model;
using Cdx.Core.Approvals;
using Cdx.Core.Rollout;
using Cdx.Core.Session;
using Cdx.Core.Tools;
using Cdx.Governance.Client.Telemetry;
using Cdx.Models;
using Cdx.Protocol.Rollout;

namespace Cdx.Cli.Commands;

/// <summary>
/// Everything one exec run wires together: provider and model client, tools, initial context,
/// rollout (new or resumed) and the output sink. All calls into Models, Tools and Context live
/// here so their API changes touch one file.
/// </summary>
public sealed partial class ExecRunner
{
    private sealed class ExecSetup : IAsyncDisposable
    {
        public required AgentThread Thread { get; init; }

        public ExecHumanSink? HumanSink { get; init; }

        public required IReadOnlyList<(string Key, string Value)> HeaderFields { get; init; }

        public required IReadOnlyList<string> StderrWarnings { get; init; }

        public required IReadOnlyList<string> ItemWarnings { get; init; }

        /// <summary>The governance telemetry wrapper, or null when telemetry is off (then nothing is recorded).</summary>
        public ExecTelemetrySink? Telemetry { get; init; }

        public static async Task<ExecSetup> CreateAsync(ExecRunner r, JsonObject? schema, GovernanceTelemetry telemetry, CancellationToken ct)
        {
            var cfg = r.config.Config;
            var provider = ResolveProvider(r);
            var resumed = await LoadResumeAsync(r, ct);
            var threadId = resumed?.Thread.ThreadId ?? ThreadIds.New();
            var model = cfg.Model ?? resumed?.Thread.LastModel ?? ExecDefaults.Model;

            var rules = CommandRulesLoader.Load(r.config, r.args.IgnoreRules, out var ruleWarnings);
            var addDirs = r.args.AddDirs.Select(d => Path.GetFullPath(d, r.Cwd)).ToList();
            var toolOptions = ToolRuntimeOptions.FromConfig(cfg, r.Cwd, rules, addDirs) with
            {
                WireApi = provider.WireApi == WireApi.Chat ? ToolWireApi.Chat : ToolWireApi.Responses,
            };
            var tools = new ToolRuntime(toolOptions);
            // A resumed thread already holds its initial context (spec sessions.md §3.4).
            var context = resumed is null ? ExecContext.Build(cfg, toolOptions, r.codexHome) : null;

            ISessionEventSink sink;
            ExecHumanSink? human = null;
            if (r.args.Json)
            {
                sink = new ExecJsonSink(r.stdout);
            }
            else
            {
                human = new ExecHumanSink(r.stderr, r.Cwd, ExecDefaults.UseColor(r.args.Color));
                sink = human;
            }
            sink = r.WrapForTelemetry(sink, telemetry, threadId, model);

            var recorder = r.args.Ephemeral ? null
                : resumed is not null ? RolloutRecorder.Resume(resumed.Path, resumed.NextOrdinal)
                : RolloutRecorder.Create(r.codexHome, NewMeta(r, threadId, provider.Id, context?.AgentsMdText));

            var thread = new AgentThread(new AgentThreadOptions
            {
                ThreadId = threadId,
                Model = model,
                Client = new ModelClient(provider),
                Tools = tools,
                Sink = sink,
                InitialContext = context?.Items ?? [],
                History = resumed?.Thread.History ?? [],
                Usage = resumed?.Thread.TotalUsage ?? Cdx.Protocol.Items.TokenUsage.Zero,
                Recorder = recorder,
                Reasoning = ExecDefaults.Reasoning(cfg, model),
                Text = ExecDefaults.Text(cfg, model, schema),
                Settings = new TurnSettings
                {
                    Cwd = r.Cwd,
                    ApprovalPolicy = toolOptions.Approval.ToString(),
                    SandboxPolicy = ExecDefaults.SandboxPolicyJson(toolOptions.Sandbox, r.Cwd),
                    Effort = cfg.ModelReasoningEffort,
                    Summary = cfg.ModelReasoningSummary,
                    OutputSchema = schema,
                },
                ModelContextWindow = cfg.ModelContextWindow,
            });

            var (itemWarnings, stderrWarnings) = SplitNotices(r.config.Notices);
            return new ExecSetup
            {
                Thread = thread,
                HumanSink = human,
                HeaderFields =
                [
                    ("workdir", r.Cwd),
                    ("model", model),
                    ("provider", provider.Id),
                    ("approval", toolOptions.Approval.ToString()),
                    ("sandbox", ExecDefaults.SandboxSummary(toolOptions.Sandbox)),
                    ("reasoning effort", cfg.ModelReasoningEffort ?? "none"),
                    ("reasoning summaries", cfg.ModelReasoningSummary),
                    ("session id", threadId),
                ],
                StderrWarnings = [.. stderrWarnings, .. ruleWarnings, .. context?.Warnings ?? []],
                ItemWarnings = itemWarnings,
                Telemetry = sink as ExecTelemetrySink,
            };
        }

        public async ValueTask DisposeAsync() => await Thread.DisposeAsync();

        private static ProviderInfo ResolveProvider(ExecRunner r)
        {
            var env = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
            try
            {
                return ProviderResolver.Resolve(r.config, env, r.codexHome);
            }
            catch (ModelConfigException ex)
            {
                throw new UserFacingException(ex.Message, 1);
            }
        }

        // Requirement fallbacks are shown as `error` items before turn.started, as Codex does;
        // everything else (unknown keys, untrusted project config) is a stderr warning.
        private static (List<string> Items, List<string> Stderr) SplitNotices(IReadOnlyList<string> notices)
        {
            var items = notices.Where(n => n.Contains("by requirements", StringComparison.Ordinal)).ToList();
            return (items, notices.Except(items).ToList());
        }

        private static SessionMeta NewMeta(ExecRunner r, string threadId, string providerId, string? instructions) => new()
        {
            Id = threadId,
            Timestamp = RolloutJson.FormatTimestamp(DateTimeOffset.UtcNow),
            Cwd = r.Cwd,
            Originator = "codex_exec",
            CliVersion = typeof(ExecRunner).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            Instructions = instructions,
            Source = "exec",
            ModelProvider = providerId,
            Git = GitInfoReader.Read(r.Cwd),
        };

        private sealed record Resumed(string Path, long NextOrdinal, ResumedThread Thread);

        private static async Task<Resumed?> LoadResumeAsync(ExecRunner r, CancellationToken ct)
        {
            if (!r.args.Resume)
            {
                return null;
            }
            string? path;
            if (r.args.ResumeLast)
            {
                // --last with no earlier session starts a new thread, as Codex does.
                path = RolloutLocator.FindLatest(r.codexHome, r.args.ResumeAll ? null : r.Cwd);
                if (path is null)
                {
                    return null;
                }
            }
            else
            {
                path = RolloutLocator.FindById(r.codexHome, r.args.ResumeId!)
                    ?? throw new UserFacingException($"no rollout found for thread id {r.args.ResumeId}", 1);
            }
            var contents = await RolloutReader.ReadAsync(path, ct);
            var thread = RolloutHistory.Rebuild(contents);
            return new Resumed(path, contents.NextOrdinal, thread);
        }
    }
}
