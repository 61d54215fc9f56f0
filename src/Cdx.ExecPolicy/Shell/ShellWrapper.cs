namespace Cdx.ExecPolicy.Shell;

/// <summary>How a command was turned into the argv lists that rules are matched against.</summary>
public enum SplitKind
{
    /// <summary>Not a shell wrapper: the argv itself is the one segment.</summary>
    NotAWrapper,
    /// <summary>A `bash|zsh|sh -c|-lc SCRIPT` whose script is plain commands: one segment per command.</summary>
    PlainCommands,
    /// <summary>A wrapper whose script feeds a here-document to one command: that command is the segment.</summary>
    HeredocCommand,
    /// <summary>A wrapper whose script could not be split safely: the whole wrapper argv is the segment.</summary>
    WholeScript,
}

/// <summary>The segments of a command for rule matching, and how they were obtained.</summary>
public sealed record CommandSegments(IReadOnlyList<IReadOnlyList<string>> Segments, SplitKind Kind)
{
    /// <summary>True when the here-document fallback produced the segment (no known-safe shortcut, no rule suggestions).</summary>
    public bool UsedComplexParsing => Kind == SplitKind.HeredocCommand;
}

/// <summary>Recognises `bash|zsh|sh -c|-lc SCRIPT` wrappers and splits them for rule matching.</summary>
public static class ShellWrapper
{
    /// <summary>
    /// The script of a wrapper: exactly three argv items `[shell, flag, script]`, flag `-c` or
    /// `-lc`, shell's file name `bash`, `zsh` or `sh` (any directory). Null for anything else.
    /// </summary>
    public static string? ExtractScript(IReadOnlyList<string> argv)
    {
        if (argv.Count != 3 || argv[1] is not ("-c" or "-lc"))
        {
            return null;
        }
        var name = Path.GetFileName(argv[0]);
        if (name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4];
        }
        return name is "bash" or "zsh" or "sh" ? argv[2] : null;
    }

    /// <summary>
    /// The argv lists to evaluate for <paramref name="argv"/>: plain commands of a wrapper's script,
    /// else the single here-document command, else the argv unchanged.
    /// </summary>
    public static CommandSegments Split(IReadOnlyList<string> argv)
    {
        var script = ExtractScript(argv);
        if (script is null)
        {
            return new CommandSegments([argv], SplitKind.NotAWrapper);
        }
        if (ShellScript.SplitPlain(script) is { } commands)
        {
            return new CommandSegments(commands, SplitKind.PlainCommands);
        }
        if (ShellScript.SingleHeredocCommand(script) is { } heredoc)
        {
            return new CommandSegments([heredoc], SplitKind.HeredocCommand);
        }
        return new CommandSegments([argv], SplitKind.WholeScript);
    }
}
