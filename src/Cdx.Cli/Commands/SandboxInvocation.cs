using Cdx.Sandbox;

namespace Cdx.Cli.Commands;

/// <summary>Turns `cdx sandbox` words into an <see cref="ExecRequest"/>.</summary>
public static class SandboxInvocation
{
    /// <summary>
    /// Options come first; the first word that is not one of ours (or the word after `--`) starts
    /// the command, and everything after it belongs to the command, even words like `-c`.
    /// </summary>
    public static ExecRequest Parse(IReadOnlyList<string> words, string currentDirectory)
    {
        SandboxMode? mode = null;
        var fullAuto = false;
        var overrides = new List<string>();
        var addDirs = new List<string>();
        string? cd = null;
        var i = 0;
        for (; i < words.Count; i++)
        {
            var w = words[i];
            if (w == "--")
            {
                i++;
                break;
            }
            if (TryValue(words, ref i, w, "-s", "--sandbox", out var s))
            {
                mode = SandboxModes.TryParse(s, out var m) ? m : throw new UserFacingException(
                    $"cdx sandbox: -s {s}: unknown sandbox mode; use one of {string.Join(", ", SandboxModes.Names)}.", 2);
            }
            else if (w == "--full-auto")
            {
                fullAuto = true;
            }
            else if (TryValue(words, ref i, w, "-c", "--config", out var c))
            {
                overrides.Add(c);
            }
            else if (TryValue(words, ref i, w, "-C", "--cd", out var dir))
            {
                cd = dir;
            }
            else if (TryValue(words, ref i, w, null, "--add-dir", out var add))
            {
                addDirs.Add(add);
            }
            else
            {
                break;
            }
        }
        var command = words.Skip(i).ToList();
        if (command.Count == 0)
        {
            throw new UserFacingException("cdx sandbox: no command given; usage: cdx sandbox [-s MODE] [--] COMMAND [ARGS...].", 2);
        }
        var cwd = Path.GetFullPath(cd ?? currentDirectory, currentDirectory);
        if (!Directory.Exists(cwd))
        {
            throw new UserFacingException($"cdx sandbox: -C {cd}: no such directory; pass an existing directory.", 2);
        }

        var policy = SandboxPolicy.ReadOnly;
        var env = EnvironmentPolicy.Default;
        foreach (var o in overrides)
        {
            (policy, env) = SandboxOverrides.Apply(policy, env, o);
        }
        // Flags beat config, and -s beats --full-auto.
        if (fullAuto)
        {
            policy = policy with { Mode = SandboxMode.WorkspaceWrite };
        }
        if (mode is { } explicitMode)
        {
            policy = policy with { Mode = explicitMode };
        }
        policy = policy with { AdditionalDirectories = addDirs.Select(d => Path.GetFullPath(d, cwd)).ToList() };
        return new ExecRequest { Command = command, WorkingDirectory = cwd, Policy = policy, EnvironmentPolicy = env };
    }

    private static bool TryValue(IReadOnlyList<string> words, ref int i, string word, string? shortName, string longName, out string value)
    {
        value = "";
        if (word.StartsWith(longName + "=", StringComparison.Ordinal))
        {
            value = word[(longName.Length + 1)..];
            return true;
        }
        if (word != longName && word != shortName)
        {
            return false;
        }
        if (i + 1 >= words.Count)
        {
            throw new UserFacingException($"cdx sandbox: {word} needs a value.", 2);
        }
        value = words[++i];
        return true;
    }
}
