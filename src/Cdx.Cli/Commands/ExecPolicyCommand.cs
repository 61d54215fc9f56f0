using System.CommandLine;
using Cdx.ExecPolicy.Check;
using Cdx.ExecPolicy.Rules;

namespace Cdx.Cli.Commands;

/// <summary>`cdx execpolicy check|explain`: test `.rules` files against command lines.</summary>
public static class ExecPolicyCommand
{
    private const string CheckHelp = """
        Check execpolicy files against a command

        Usage: cdx execpolicy check [OPTIONS] --rules <PATH> <COMMAND>...

        Arguments:
          <COMMAND>...  Command tokens to check against the policy

        Options:
          -r, --rules <PATH>            Paths to execpolicy rule files to evaluate (repeatable)
              --pretty                  Pretty-print the JSON output
              --resolve-host-executables
                                        Resolve absolute program paths against basename rules, gated by
                                        any `host_executable()` definitions in the loaded policy files
          -c, --config <key=value>      Accepted for compatibility with Codex; ignored by check
          -h, --help                    Print help
        """;

    /// <summary>Creates the `execpolicy` command group.</summary>
    public static Command Create()
    {
        var group = new Command("execpolicy", "Evaluate command rules (.rules files) the way the agent does.");
        var check = new Command("check", "Check execpolicy files against a command (JSON output like Codex).");
        // Codex's check takes options only before the command; everything after is argv. The
        // raw tokens are parsed by ExecPolicyCheckArgs, so System.CommandLine must not touch them.
        check.TreatUnmatchedTokensAsErrors = false;
        check.Arguments.Add(new Argument<string[]>("args") { Arity = ArgumentArity.ZeroOrMore });
        check.SetAction(pr => RunCheck(pr.Tokens.SkipWhile(t => t.Value != "check").Skip(1).Select(t => t.Value).ToList()));
        group.Subcommands.Add(check);
        group.Subcommands.Add(ExecPolicyExplainCommand.Create());
        return group;
    }

    /// <summary>True when <paramref name="args"/> is `execpolicy check ...` and must bypass the generic parser.</summary>
    public static bool IsRawCheck(string[] args) => args is ["execpolicy", "check", ..];

    /// <summary>Runs `check` on the raw tokens after `check`; returns the exit code.</summary>
    public static int RunCheck(IReadOnlyList<string> tokens)
    {
        var args = ExecPolicyCheckArgs.Parse(tokens);
        if (args.Help)
        {
            Console.Out.WriteLine(CheckHelp);
            return 0;
        }
        string json;
        try
        {
            json = PolicyCheck.Run(args.Rules, args.Command, args.ResolveHostExecutables, args.Pretty);
        }
        catch (PolicyLoadException e)
        {
            throw new UserFacingException(FormatLoadError(e), 1);
        }
        Console.Out.WriteLine(json);
        return 0;
    }

    /// <summary>The Codex-shaped error for a rule file that failed to load, with file:line:col.</summary>
    public static string FormatLoadError(PolicyLoadException e)
    {
        if (e.IsIoError)
        {
            return $"Error: failed to read policy at {e.PolicyPath}\n\nCaused by:\n    {e.Detail}";
        }
        var where = e.Line > 0 ? $"{e.PolicyPath}:{e.Line}:{e.Column}: " : "";
        return $"Error: failed to parse policy at {e.PolicyPath}\n\nCaused by:\n    {where}{e.Detail}";
    }
}
