using System.CommandLine;
using System.Text;
using Microsoft.Win32.SafeHandles;
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
    public static int RunDirect(string[] args)
    {
        if (args.Length == 0)
        {
            return Run(args, Console.In, Console.Out, Console.Error);
        }
        // The patch is the argument and nothing is read: collect the (short) output and write it to
        // file descriptors 1 and 2 directly, skipping System.Console's start-up work (terminal
        // set-up, signal handling, encoding detection).
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        try
        {
            return Run(args, TextReader.Null, stdout, stderr);
        }
        finally
        {
            WriteRaw(1, stdout.ToString());
            WriteRaw(2, stderr.ToString());
        }
    }

    // UTF-8 without a byte-order mark, as Console writes it; falls back to Console if the descriptor is unusable.
    private static void WriteRaw(int fd, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        try
        {
            // Pipes and terminals only: FileStream writes a regular file at its own offset without moving
            // the descriptor's, which a shell sharing the descriptor (`{ ...; echo; } > log`) would overwrite.
            using var stream = new FileStream(new SafeFileHandle(fd, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            if (!stream.CanSeek)
            {
                stream.Write(Encoding.UTF8.GetBytes(text));
                return;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
        }
        var writer = fd == 1 ? Console.Out : Console.Error;
        writer.Write(text);
        writer.Flush();
    }

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
