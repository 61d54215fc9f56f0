namespace Cdx.Core.Approvals;

/// <summary>
/// Known-safe and dangerous command classifiers (spec sandbox-approvals.md §6), kept behind
/// <see cref="CommandPolicy"/> until Cdx.ExecPolicy provides them (branch rules-gaps).
/// </summary>
internal static class CommandHeuristics
{
    /// <summary>0.169's reason text for the forced-rm heuristic.</summary>
    public const string RmForceReason = "rm -f style commands are not permitted. Use a safer approach";

    private static readonly HashSet<string> AlwaysSafe = new(StringComparer.Ordinal)
    {
        "cat", "cd", "cut", "echo", "expr", "false", "grep", "head", "id", "ls", "nl", "paste", "pwd", "rev", "seq",
        "stat", "tail", "tr", "true", "uname", "uniq", "wc", "which", "whoami", "numfmt", "tac",
    };

    /// <summary>True for `rm` with a force flag (also under `sudo`).</summary>
    public static bool IsDangerous(IReadOnlyList<string> argv)
    {
        if (argv.Count == 0)
        {
            return false;
        }
        var program = Path.GetFileName(argv[0]);
        if (program == "sudo")
        {
            return IsDangerous(argv.Skip(1).ToList());
        }
        if (program != "rm")
        {
            return false;
        }
        foreach (var arg in argv.Skip(1))
        {
            if (arg == "--")
            {
                break;
            }
            if (arg == "--force" || (arg.Length > 1 && arg[0] == '-' && arg[1] != '-' && arg.Contains('f')))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when the whole command, or any command inside a shell script, is dangerous.</summary>
    public static bool IsDangerousAnywhere(IReadOnlyList<string> argv)
    {
        if (IsDangerous(argv))
        {
            return true;
        }
        var script = ShellSplitter.WrapperScript(argv);
        return script is not null && ShellSplitter.LoosePieces(script).Any(IsDangerous);
    }

    /// <summary>True for commands that only read (auto-allowed under `untrusted`).</summary>
    public static bool IsKnownSafe(IReadOnlyList<string> argv)
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
        return program switch
        {
            "base64" => !argv.Skip(1).Any(a => a is "-o" or "--output" || a.StartsWith("--output=", StringComparison.Ordinal) || a.StartsWith("-o", StringComparison.Ordinal)),
            "find" => !argv.Skip(1).Any(a => a is "-exec" or "-execdir" or "-ok" or "-okdir" or "-delete" or "-fls" or "-fprint" or "-fprint0" or "-fprintf"),
            "rg" => !argv.Skip(1).Any(a => a is "--search-zip" or "-z" || a.StartsWith("--pre", StringComparison.Ordinal) || a.StartsWith("--hostname-bin", StringComparison.Ordinal)),
            "sed" => argv.Count is >= 3 and <= 4 && argv[1] == "-n" && IsSedPrint(argv[2]),
            "git" => argv.Count >= 2 && argv[1] is "status" or "log" or "diff" or "show",
            _ => false,
        };
    }

    private static bool IsSedPrint(string expr)
    {
        if (!expr.EndsWith('p'))
        {
            return false;
        }
        var body = expr[..^1].Split(',');
        return body.Length is 1 or 2 && body.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
    }
}
