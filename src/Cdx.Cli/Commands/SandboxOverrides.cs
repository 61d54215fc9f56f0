using Cdx.Sandbox;

namespace Cdx.Cli.Commands;

/// <summary>
/// The `-c key=value` overrides `cdx sandbox` understands (sandbox_mode,
/// sandbox_workspace_write.*, shell_environment_policy.*), applied on top of a policy.
/// Values are TOML scalars or arrays of strings; anything that is not valid TOML is taken as a raw string.
/// </summary>
public static class SandboxOverrides
{
    /// <summary>Applies one `key=value` override; throws <see cref="UserFacingException"/> naming the flag on bad input.</summary>
    public static (SandboxPolicy Policy, EnvironmentPolicy Env) Apply(SandboxPolicy policy, EnvironmentPolicy env, string overrideText)
    {
        var eq = overrideText.IndexOf('=');
        if (eq <= 0)
        {
            throw new UserFacingException($"cdx sandbox: -c {overrideText}: expected key=value, e.g. -c sandbox_mode=\"workspace-write\".", 2);
        }
        var key = overrideText[..eq].Trim();
        var raw = overrideText[(eq + 1)..].Trim();
        switch (key)
        {
            case "sandbox_mode":
                var name = TomlScalar.String(raw);
                if (!SandboxModes.TryParse(name, out var mode))
                {
                    throw new UserFacingException(
                        $"cdx sandbox: -c sandbox_mode={raw}: unknown mode; use one of {string.Join(", ", SandboxModes.Names)}.", 2);
                }
                return (policy with { Mode = mode }, env);
            case "sandbox_workspace_write.writable_roots":
                return (policy with { WritableRoots = TomlScalar.StringArray(raw, key) }, env);
            case "sandbox_workspace_write.network_access":
                return (policy with { NetworkAccess = TomlScalar.Bool(raw, key) }, env);
            case "sandbox_workspace_write.exclude_tmpdir_env_var":
                return (policy with { ExcludeTmpdirEnvVar = TomlScalar.Bool(raw, key) }, env);
            case "sandbox_workspace_write.exclude_slash_tmp":
                return (policy with { ExcludeSlashTmp = TomlScalar.Bool(raw, key) }, env);
            case "shell_environment_policy.inherit":
                var inherit = TomlScalar.String(raw) switch
                {
                    "all" => EnvironmentInherit.All,
                    "core" => EnvironmentInherit.Core,
                    "none" => EnvironmentInherit.None,
                    _ => throw new UserFacingException($"cdx sandbox: -c {key}={raw}: use \"all\", \"core\" or \"none\".", 2),
                };
                return (policy, env with { Inherit = inherit });
            case "shell_environment_policy.ignore_default_excludes":
                return (policy, env with { IgnoreDefaultExcludes = TomlScalar.Bool(raw, key) });
            case "shell_environment_policy.exclude":
                return (policy, env with { Exclude = TomlScalar.StringArray(raw, key) });
            case "shell_environment_policy.include_only":
                return (policy, env with { IncludeOnly = TomlScalar.StringArray(raw, key) });
            default:
                if (key.StartsWith("shell_environment_policy.set.", StringComparison.Ordinal))
                {
                    var set = new Dictionary<string, string>(env.Set) { [key["shell_environment_policy.set.".Length..]] = TomlScalar.String(raw) };
                    return (policy, env with { Set = set });
                }
                // Other keys configure the agent, not the sandbox: accepted and ignored here, as Codex does.
                return (policy, env);
        }
    }
}
