using System.CommandLine;
using Cdx.ApplyPatch.Applying;

namespace Cdx.Cli.Commands;

/// <summary>`cdx apply-patch [PATCH]` (also `apply_patch` via a symlink): Codex's standalone patch command.</summary>
public static class ApplyPatchCommand
{
    /// <summary>The subcommand name.</summary>
    public const string Name = "apply-patch";

    private const string Usage = "Usage: apply_patch 'PATCH'\n       echo 'PATCH' | apply_patch";

    /// <summary>Creates the command for the command tree (help text; <see cref="CliApp"/> runs it directly).</summary>
    public static Command Create()
    {
        var patch = new Argument<string[]>("PATCH")
        {
            Description = "The patch text (*** Begin Patch ... *** End Patch); read from stdin when omitted.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command(Name, "Apply an apply_patch patch to files in the current directory, as Codex's apply_patch does.");
        command.Arguments.Add(patch);
        command.SetAction(pr => Run(pr.GetValue(patch) ?? [], Console.In, Console.Out, Console.Error));
        return command;
    }

    /// <summary>
    /// True for `apply-patch ...` except its help flags: those arguments are run by <see cref="RunDirect"/>
    /// before any option parsing (patch text must never be taken for options).
    /// </summary>
    public static bool IsDirectInvocation(string[] args) =>
        args is [Name, .. var rest] && rest is not ["-h" or "--help" or "-?"];

    /// <summary>Runs with the arguments after `apply-patch` on the process's standard streams.</summary>
    public static int RunDirect(string[] args) =>
        Run(args, args.Length == 0 ? Console.In : TextReader.Null, Console.Out, Console.Error);

    /// <summary>
    /// Runs with the raw arguments after `apply-patch`: the patch is the single argument, or stdin.
    /// Parsed by hand so patch text is never mistaken for options or response files.
    /// </summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        string patch;
        if (args.Length == 1)
        {
            patch = args[0];
        }
        else if (args.Length == 0)
        {
            patch = stdin.ReadToEnd();
            if (patch.Length == 0)
            {
                stderr.WriteLine(Usage);
                return 2;
            }
        }
        else
        {
            stderr.WriteLine("Error: apply_patch accepts exactly one argument.");
            return 2;
        }
        var code = StandaloneApplyPatch.Run(patch, Environment.CurrentDirectory, stdout, stderr);
        stdout.Flush();
        return code;
    }
}
