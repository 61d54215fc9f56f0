using Cdx.ExecPolicy.Shell;

namespace Cdx.ExecPolicy.Safety;

/// <summary>
/// The known-safe (read-only) commands auto-approved under the `untrusted` approval policy
/// (spec sandbox-approvals.md §6). Git is never known-safe (newest Codex behaviour).
/// </summary>
public static class KnownSafeCommands
{
    private static readonly HashSet<string> AlwaysSafe = new(StringComparer.Ordinal)
    {
        "cat", "cd", "cut", "echo", "expr", "false", "grep", "head", "id", "ls", "nl", "paste", "pwd",
        "rev", "seq", "stat", "tail", "tr", "true", "uname", "uniq", "wc", "which", "whoami",
        // Linux only in Codex; cdx runs on Linux.
        "numfmt", "tac",
    };

    private static readonly HashSet<string> UnsafeFindOptions = new(StringComparer.Ordinal)
    {
        "-exec", "-execdir", "-ok", "-okdir", "-delete", "-fls", "-fprint", "-fprint0", "-fprintf",
    };

    /// <summary>
    /// True when <paramref name="argv"/> is known safe: a safe program by itself, or a shell
    /// wrapper whose script splits into plain commands that are all safe.
    /// </summary>
    public static bool IsKnownSafe(IReadOnlyList<string> argv)
    {
        var normalized = argv.Select(a => a == "zsh" ? "bash" : a).ToList();
        if (IsSafeToExec(normalized))
        {
            return true;
        }
        return ShellWrapper.ExtractScript(normalized) is { } script
            && ShellScript.SplitPlain(script) is { Count: > 0 } commands
            && commands.All(IsSafeToExec);
    }

    /// <summary>True when the argv alone (no shell) is a known-safe invocation.</summary>
    public static bool IsSafeToExec(IReadOnlyList<string> argv)
    {
        if (argv.Count == 0)
        {
            return false;
        }
        var program = Path.GetFileName(argv[0]);
        if (AlwaysSafe.Contains(program))
        {
            return true;
        }
        var args = argv.Skip(1).ToList();
        return program switch
        {
            "base64" => !args.Any(a => a is "-o" or "--output" || a.StartsWith("--output=", StringComparison.Ordinal)
                || (a.StartsWith("-o", StringComparison.Ordinal) && a != "-o")),
            "find" => !argv.Any(UnsafeFindOptions.Contains),
            "rg" => !argv.Any(a => a is "--search-zip" or "-z" or "--pre" or "--hostname-bin"
                || a.StartsWith("--pre=", StringComparison.Ordinal) || a.StartsWith("--hostname-bin=", StringComparison.Ordinal)),
            "sed" => argv.Count <= 4 && args.Count >= 2 && args[0] == "-n" && IsSedPrintRange(args[1]),
            _ => false,
        };
    }

    // `Np` or `M,Np` with decimal numbers.
    private static bool IsSedPrintRange(string arg)
    {
        if (!arg.EndsWith('p'))
        {
            return false;
        }
        var parts = arg[..^1].Split(',');
        return parts.Length is 1 or 2 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
    }
}
