using System.CommandLine;
using System.Text;
using Cdx.Config;
using Cdx.Config.Model;
using Cdx.ExecPolicy;
using Cdx.ExecPolicy.Rules;
using Cdx.ExecPolicy.Shell;

namespace Cdx.Cli.Commands;

/// <summary>
/// `cdx execpolicy explain [-a/-s/-c...] [--rules F]... [--escalated] [--ignore-rules] -- CMD...`: a policy
/// author's debugger. Shows how the agent would split and judge CMD under the current config,
/// rules and requirements: every segment, the rule (file:line) or heuristic that decided it,
/// and the final verdict with the text the model would get.
/// </summary>
public static class ExecPolicyExplainCommand
{
    /// <summary>Creates the `explain` subcommand.</summary>
    public static Command Create()
    {
        var cmd = new Command("explain",
            "Show how the agent would judge a command: split segments, matching rules (file:line), heuristics and the final decision.");
        var rules = new Option<string[]>("--rules", "-r")
        {
            Description = "Extra .rules files to load after the discovered ones (repeatable).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var escalated = new Option<bool>("--escalated") { Description = "Judge it as a request to run outside the sandbox (sandbox_permissions = require_escalated)." };
        var ignoreRules = new Option<bool>("--ignore-rules") { Description = "Skip user and project .rules files (system rules and requirements still apply)." };
        var command = new Argument<string[]>("command") { Arity = ArgumentArity.OneOrMore, Description = "The command (put it after --)." };
        cmd.Options.Add(rules);
        cmd.Options.Add(escalated);
        cmd.Options.Add(ignoreRules);
        cmd.Arguments.Add(command);
        var config = ConfigOptions.AddTo(cmd);
        cmd.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            var effective = await config.LoadAsync(pr, ct);
            LoadedRules loaded;
            try
            {
                loaded = RulesDiscovery.Load(effective, pr.GetValue(ignoreRules), pr.GetValue(rules) ?? []);
            }
            catch (PolicyLoadException e)
            {
                throw new UserFacingException(ExecPolicyCommand.FormatLoadError(e), 1);
            }
            var request = new ExecRequest(pr.GetValue(command) ?? [], effective.Config.ApprovalPolicy, effective.Config.SandboxMode,
                pr.GetValue(escalated) ? SandboxPermissions.RequireEscalated : SandboxPermissions.UseDefault);
            var verdict = new ExecPolicyEngine(loaded.Policy).Evaluate(request);
            Console.Out.Write(Render(request, loaded, verdict));
            return 0;
        });
        return cmd;
    }

    /// <summary>The explanation as text (one fact per line).</summary>
    public static string Render(ExecRequest request, LoadedRules loaded, ExecVerdict verdict)
    {
        var sb = new StringBuilder();
        sb.Append("command: ").AppendLine(Shlex.Join(request.Command));
        sb.Append("approval policy: ").Append(EnumText.Name(request.ApprovalPolicy.Mode))
            .Append("; sandbox: ").Append(EnumText.Name(request.SandboxMode))
            .Append(request.SandboxPermissions == SandboxPermissions.RequireEscalated ? "; escalation requested" : "")
            .AppendLine();
        sb.Append("rules files: ").AppendLine(loaded.Files.Count == 0 ? "none" : string.Join(", ", loaded.Files));
        sb.Append("requirements rules: ").AppendLine(loaded.RequirementRuleCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (loaded.Warning is { } warning)
        {
            sb.Append("warning: ").Append(RulesParseWarning.Summary).Append(' ').AppendLine(warning.Detail);
        }
        sb.Append("split: ").AppendLine(verdict.Split switch
        {
            SplitKind.NotAWrapper => "not a shell wrapper; the argv is matched as is",
            SplitKind.PlainCommands => $"shell script split into {verdict.Segments.Count} plain command(s)",
            SplitKind.HeredocCommand => "here-document script; its single command is matched (no known-safe shortcut)",
            _ => verdict.Segments.Count == 0 ? "not evaluated" : "shell script not splittable (redirection, expansion, substitution, glob, control flow...); matched whole",
        });
        for (var i = 0; i < verdict.Segments.Count; i++)
        {
            var segment = verdict.Segments[i];
            sb.Append("segment ").Append(i + 1).Append(": ").AppendLine(Shlex.Join(segment.Command));
            foreach (var m in segment.Rules)
            {
                sb.Append("  rule ").Append(m.Rule.Source?.ToString() ?? "(unknown)")
                    .Append(m.Rule.FromRequirements ? " (requirements)" : "")
                    .Append(": ").Append(m.Rule.PatternText)
                    .Append(" matched ").Append(Shlex.Join(m.MatchedPrefix))
                    .Append(m.ResolvedProgram is { } rp ? $" (resolved {rp})" : "")
                    .Append(" -> ").Append(m.Decision.ToText())
                    .AppendLine(m.Justification is { } j ? $" ({j})" : "");
            }
            if (segment.Heuristic is { } h)
            {
                sb.AppendLine("  no rule matched");
                sb.Append("  heuristic: ").Append(h.Explanation).Append(" -> ").AppendLine(h.Decision.ToText());
            }
            sb.Append("  segment decision: ").AppendLine(segment.Decision.ToText());
        }
        sb.Append("decision: ").Append(verdict.Decision.ToText()).Append(" -> ").AppendLine(verdict.Kind switch
        {
            ExecVerdictKind.RunOutsideSandbox => "run outside the sandbox without asking (every segment matched an allow rule)",
            ExecVerdictKind.RunInSandbox => "run in the sandbox without asking",
            ExecVerdictKind.Ask => "ask the user",
            _ => "reject",
        });
        if (verdict.Reason is { } reason)
        {
            sb.Append("reason: ").AppendLine(reason);
        }
        return sb.ToString();
    }
}
