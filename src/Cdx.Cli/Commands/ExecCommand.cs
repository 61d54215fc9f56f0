using System.CommandLine;
using Cdx.Config;
using Cdx.Governance.Client;

namespace Cdx.Cli.Commands;

/// <summary>`cdx exec [OPTIONS] [PROMPT]` and `cdx exec resume [--last|ID] [PROMPT]`.</summary>
public static class ExecCommand
{
    /// <summary>Builds the `exec` command with its `resume` subcommand.</summary>
    public static Command Create()
    {
        var exec = new Command("exec", "Run the agent non-interactively: progress on stderr, the final message on stdout.");
        exec.Aliases.Add("e");
        var prompt = new Argument<string?>("PROMPT") { Description = "Instructions; `-` or absent reads stdin.", Arity = ArgumentArity.ZeroOrOne };
        exec.Arguments.Add(prompt);
        var options = ExecOptions.AddTo(exec);
        exec.SetAction((pr, ct) => RunAsync(pr, options, BaseArgs(pr, options) with { Prompt = pr.GetValue(prompt) }, ct));

        var resume = new Command("resume", "Continue an earlier session by id, or the newest one with --last.");
        var id = new Argument<string?>("SESSION_ID") { Description = "Thread id to resume.", Arity = ArgumentArity.ZeroOrOne };
        var resumePrompt = new Argument<string?>("PROMPT") { Description = "Instructions; `-` or absent reads stdin.", Arity = ArgumentArity.ZeroOrOne };
        var last = new Option<bool>("--last") { Description = "Resume the newest session started in this directory." };
        var all = new Option<bool>("--all") { Description = "With --last: consider sessions from every directory." };
        resume.Arguments.Add(id);
        resume.Arguments.Add(resumePrompt);
        resume.Options.Add(last);
        resume.Options.Add(all);
        resume.SetAction((pr, ct) =>
        {
            var isLast = pr.GetValue(last);
            var first = pr.GetValue(id);
            var second = pr.GetValue(resumePrompt);
            // With --last there is no id: the first word is the prompt.
            var args = BaseArgs(pr, options) with
            {
                Resume = true,
                ResumeLast = isLast,
                ResumeAll = pr.GetValue(all),
                ResumeId = isLast ? null : first,
                Prompt = isLast ? first ?? second : second,
            };
            if (!isLast && string.IsNullOrEmpty(first))
            {
                throw new UserFacingException("cdx exec resume: give a session id or --last.", 2);
            }
            return RunAsync(pr, options, args, ct);
        });
        exec.Subcommands.Add(resume);
        return exec;
    }

    private static ExecArgs BaseArgs(ParseResult pr, ExecOptions o) => new()
    {
        Images = (pr.GetValue(o.Images) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
        Json = pr.GetValue(o.Json),
        OutputLastMessage = pr.GetValue(o.OutputLastMessage),
        OutputSchema = pr.GetValue(o.OutputSchema),
        SkipGitRepoCheck = pr.GetValue(o.SkipGitRepoCheck),
        Ephemeral = pr.GetValue(o.Ephemeral),
        IgnoreUserConfig = pr.GetValue(o.IgnoreUserConfig),
        IgnoreRules = pr.GetValue(o.IgnoreRules),
        StrictConfig = pr.GetValue(o.StrictConfig),
        Color = pr.GetValue(o.Color) ?? "auto",
        AddDirs = pr.GetValue(o.AddDir) ?? [],
    };

    private static async Task<int> RunAsync(ParseResult pr, ExecOptions o, ExecArgs args, CancellationToken ct)
    {
        var load = o.Config.ToLoadOptions(pr);
        var codexHome = load.CodexHome;
        var sandbox = pr.GetValue(o.Config.Sandbox)
            ?? (pr.GetValue(o.Yolo) ? "danger-full-access" : pr.GetValue(o.FullAuto) ? "workspace-write" : null);
        load = load with
        {
            Flags = load.Flags with
            {
                SandboxMode = sandbox,
                // exec never asks: the loader applies requirement fallbacks (and their notice) to this.
                ApprovalPolicy = "never",
            },
            // --ignore-user-config: read config from an empty home; sessions, auth and rules keep the real one.
            CodexHome = args.IgnoreUserConfig ? Path.Combine(codexHome, ".cdx-ignored-user-config") : codexHome,
        };
        if (!Directory.Exists(load.Cwd))
        {
            throw new UserFacingException($"cdx exec: -C {pr.GetValue(o.Config.Cd)}: no such directory; pass an existing directory.", 1);
        }
        // Cloud requirements from the governance server, as every config-loading start does. Its
        // notices (each one a fetch problem) are kept to land in the security log as well as on stderr.
        var policyNotices = new StringWriter();
        load = load with { CloudRequirements = GovernanceRequirementsSource.ForHome(codexHome, load.SystemConfigDir, policyNotices) };
        EffectiveConfig config;
        try
        {
            config = await ConfigLoader.LoadAsync(load, ct);
        }
        catch (ConfigException ex)
        {
            throw ConfigOptions.ToUserError(ex);
        }
        finally
        {
            await Console.Error.WriteAsync(policyNotices.ToString());
        }
        var runner = new ExecRunner(args, config, codexHome, Console.Out, Console.Error)
        {
            PolicyFetchProblems = policyNotices.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        return await runner.RunAsync(ct);
    }
}
