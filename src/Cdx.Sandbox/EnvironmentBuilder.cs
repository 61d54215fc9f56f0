using System.Collections;

namespace Cdx.Sandbox;

/// <summary>Applies an <see cref="EnvironmentPolicy"/> to a parent environment, in Codex's order.</summary>
public static class EnvironmentBuilder
{
    /// <summary>Variables kept by `inherit = "core"`.</summary>
    public static IReadOnlyList<string> CoreVariables { get; } =
        ["HOME", "LOGNAME", "PATH", "SHELL", "USER", "USERNAME", "TMPDIR", "TEMP", "TMP"];

    private static readonly string[] DefaultExcludes = ["*KEY*", "*SECRET*", "*TOKEN*"];

    /// <summary>The current process environment.</summary>
    public static IReadOnlyDictionary<string, string> Current()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            env[(string)e.Key] = (string?)e.Value ?? "";
        }
        return env;
    }

    /// <summary>inherit → default excludes → exclude → set → include_only.</summary>
    public static Dictionary<string, string> Build(EnvironmentPolicy policy, IReadOnlyDictionary<string, string> parent)
    {
        var env = policy.Inherit switch
        {
            EnvironmentInherit.All => new Dictionary<string, string>(parent, StringComparer.Ordinal),
            EnvironmentInherit.Core => parent.Where(kv => CoreVariables.Contains(kv.Key))
                .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            _ => new Dictionary<string, string>(StringComparer.Ordinal),
        };
        if (!policy.IgnoreDefaultExcludes)
        {
            RemoveMatching(env, DefaultExcludes);
        }
        RemoveMatching(env, policy.Exclude);
        foreach (var (k, v) in policy.Set)
        {
            env[k] = v;
        }
        if (policy.IncludeOnly.Count > 0)
        {
            foreach (var name in env.Keys.ToList())
            {
                if (!policy.IncludeOnly.Any(g => Glob.IsMatch(g, name)))
                {
                    env.Remove(name);
                }
            }
        }
        return env;
    }

    private static void RemoveMatching(Dictionary<string, string> env, IEnumerable<string> globs)
    {
        var list = globs.ToList();
        foreach (var name in env.Keys.ToList())
        {
            if (list.Any(g => Glob.IsMatch(g, name)))
            {
                env.Remove(name);
            }
        }
    }
}
