namespace Cdx.Cli.Commands;

/// <summary>
/// The arguments of `cdx execpolicy check`, parsed the way Codex's CLI does: options come first,
/// and the first token that is not a known option starts the command (so `git --pretty` checks
/// the argv `["git", "--pretty"]`).
/// </summary>
public sealed record ExecPolicyCheckArgs(
    IReadOnlyList<string> Rules, bool Pretty, bool ResolveHostExecutables, IReadOnlyList<string> Command, bool Help)
{
    /// <summary>Usage line shared by help and errors.</summary>
    public const string Usage = "Usage: cdx execpolicy check [OPTIONS] --rules <PATH> <COMMAND>...";

    /// <summary>Parses the tokens after `check`; throws a usage error (exit 2) when they are incomplete.</summary>
    public static ExecPolicyCheckArgs Parse(IReadOnlyList<string> args)
    {
        var rules = new List<string>();
        bool pretty = false, resolve = false;
        var i = 0;
        for (; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                i++;
                break;
            }
            if (a is "-h" or "--help")
            {
                return new ExecPolicyCheckArgs(rules, pretty, resolve, [], Help: true);
            }
            if (a == "--pretty")
            {
                pretty = true;
                continue;
            }
            if (a == "--resolve-host-executables")
            {
                resolve = true;
                continue;
            }
            if (a is "--pretty=" || a.StartsWith("--pretty=", StringComparison.Ordinal)
                || a.StartsWith("--resolve-host-executables=", StringComparison.Ordinal))
            {
                throw UsageError($"unexpected value '{a[(a.IndexOf('=') + 1)..]}' for '{a[..a.IndexOf('=')]}' found; no more were expected");
            }
            if (TakeValue(args, ref i, "--rules", "-r") is { } rule)
            {
                rules.Add(rule);
                continue;
            }
            // Config overrides and feature toggles are accepted for compatibility; rules checking
            // does not depend on them.
            if (TakeValue(args, ref i, "--config", "-c") is not null
                || TakeValue(args, ref i, "--enable", null) is not null
                || TakeValue(args, ref i, "--disable", null) is not null)
            {
                continue;
            }
            break;
        }
        var command = args.Skip(i).ToList();
        if (rules.Count == 0)
        {
            throw UsageError("the following required arguments were not provided:\n  --rules <PATH>");
        }
        if (command.Count == 0)
        {
            throw UsageError("the following required arguments were not provided:\n  <COMMAND>...");
        }
        return new ExecPolicyCheckArgs(rules, pretty, resolve, command, Help: false);
    }

    private static string? TakeValue(IReadOnlyList<string> args, ref int i, string longName, string? shortName)
    {
        var a = args[i];
        if (a.StartsWith(longName + "=", StringComparison.Ordinal))
        {
            return a[(longName.Length + 1)..];
        }
        if (a != longName && a != shortName)
        {
            return null;
        }
        if (i + 1 >= args.Count)
        {
            throw UsageError($"a value is required for '{longName} <VALUE>' but none was supplied");
        }
        i++;
        return args[i];
    }

    private static UserFacingException UsageError(string message) =>
        new($"error: {message}\n\n{Usage}\n\nFor more information, try '--help'.", 2);
}
