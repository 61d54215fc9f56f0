using System.CommandLine;
using Cdx.Cli.Commands;

namespace Cdx.Cli;

/// <summary>Builds the `cdx` command tree and runs it with user-facing error handling.</summary>
public static class CliApp
{
    /// <summary>Builds the root command with every subcommand registered.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "cdx: a coding agent for the terminal that reads Codex's config.toml, requirements.toml, " +
            ".rules and AGENTS.md, plus a self-hostable governance server.");
        // One line per top-level command; each command lives in its own file under Commands/.
        root.Subcommands.Add(DebugCommand.Create());
        root.Subcommands.Add(FeaturesCommand.Create());
        root.Subcommands.Add(ApplyPatchCommand.Create());
        root.Subcommands.Add(ExecPolicyCommand.Create());
        root.Subcommands.Add(SandboxCommand.Create());
        root.Subcommands.Add(ExecCommand.Create());
        root.Subcommands.Add(GovernanceCommand.Create());
        LoginCommand.AddTo(root);
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            args = InvocationName.Rewrite(InvocationName.ReadArgv0(), args);
            // apply-patch takes arbitrary text as its argument: run it before option parsing sees it.
            if (ApplyPatchCommand.IsDirectInvocation(args))
            {
                return ApplyPatchCommand.RunDirect(args[1..]);
            }
            if (ExecPolicyCommand.IsRawCheck(args))
            {
                return ExecPolicyCommand.RunCheck(args[2..]);
            }
            var parse = BuildRoot().Parse(args);
            var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(config);
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex);
        }
    }
}
