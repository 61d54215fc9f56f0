using Cdx.ExecPolicy.Shell;

namespace Cdx.ExecPolicy.Safety;

/// <summary>Which dangerous-command heuristic matched.</summary>
public enum DangerousMatch
{
    /// <summary>`rm` with `-f`/`--force` (possibly under `sudo`).</summary>
    ForcedRm,
}

/// <summary>
/// Dangerous-command heuristics (spec sandbox-approvals.md §6): forced `rm`, also under `sudo`
/// and anywhere a literal command appears in a `bash|zsh|sh -c|-lc` script.
/// </summary>
public static class DangerousCommands
{
    /// <summary>The heuristic <paramref name="argv"/> trips, or null when it looks harmless.</summary>
    public static DangerousMatch? Match(IReadOnlyList<string> argv)
    {
        if (MatchExec(argv) is { } direct)
        {
            return direct;
        }
        if (ShellWrapper.ExtractScript(argv) is { } script && ShellScript.LiteralCommands(script) is { } commands)
        {
            foreach (var command in commands)
            {
                if (MatchExec(command) is { } nested)
                {
                    return nested;
                }
            }
        }
        return null;
    }

    /// <summary>The reason given to the model when this heuristic alone forbids a command.</summary>
    public static string RejectionText(DangerousMatch match) => match switch
    {
        _ => "rm -f style commands are not permitted. Use a safer approach",
    };

    private static DangerousMatch? MatchExec(IReadOnlyList<string> argv)
    {
        for (var start = 0; start < argv.Count; start++)
        {
            var program = Path.GetFileName(argv[start]);
            if (program == "sudo")
            {
                continue;
            }
            return program == "rm" && RmForces(argv.Skip(start + 1)) ? DangerousMatch.ForcedRm : null;
        }
        return null;
    }

    private static bool RmForces(IEnumerable<string> args) =>
        args.TakeWhile(a => a != "--").Any(a => a == "--force"
            || (a.Length > 1 && a[0] == '-' && a[1] != '-' && a.Contains('f')));
}
