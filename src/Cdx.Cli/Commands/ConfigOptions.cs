using System.CommandLine;
using Cdx.Config;

namespace Cdx.Cli.Commands;

/// <summary>
/// The shared configuration flags (`-c`, `--profile`, `--enable`, `--disable`, `-C`, and optionally
/// `-m`, `-s`, `-a`, `--search`, `--oss`, `--local-provider`) so every command loads config the same way.
/// </summary>
public sealed class ConfigOptions
{
    /// <summary>`-c/--config key=value` (repeatable).</summary>
    public Option<string[]> Config { get; } = new("--config", "-c")
    {
        Description = "Override a config value: key=value, value parsed as TOML (else taken as a string). Repeatable.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>`-p/--profile NAME`.</summary>
    public Option<string?> Profile { get; } = new("--profile", "-p") { Description = "Config profile: $CODEX_HOME/NAME.config.toml or [profiles.NAME]." };

    /// <summary>`--enable FEATURE` (repeatable).</summary>
    public Option<string[]> Enable { get; } = new("--enable") { Description = "Enable a feature (same as -c features.NAME=true).", Arity = ArgumentArity.ZeroOrMore };

    /// <summary>`--disable FEATURE` (repeatable).</summary>
    public Option<string[]> Disable { get; } = new("--disable") { Description = "Disable a feature (same as -c features.NAME=false).", Arity = ArgumentArity.ZeroOrMore };

    /// <summary>`-C/--cd DIR`.</summary>
    public Option<string?> Cd { get; } = new("--cd", "-C") { Description = "Use DIR as the working root." };

    /// <summary>`-m/--model`.</summary>
    public Option<string?> Model { get; } = new("--model", "-m") { Description = "Model to use." };

    /// <summary>`-s/--sandbox`.</summary>
    public Option<string?> Sandbox { get; } = new("--sandbox", "-s") { Description = "Sandbox mode: read-only, workspace-write or danger-full-access." };

    /// <summary>`-a/--ask-for-approval`.</summary>
    public Option<string?> Approval { get; } = new("--ask-for-approval", "-a") { Description = "Approval policy: untrusted, on-failure, on-request or never." };

    /// <summary>`--search`.</summary>
    public Option<bool> Search { get; } = new("--search") { Description = "Enable live web search (web_search = \"live\")." };

    /// <summary>`--oss`.</summary>
    public Option<bool> Oss { get; } = new("--oss") { Description = "Use a local open-source model provider (oss_provider, default ollama)." };

    /// <summary>`--local-provider ollama|lmstudio`.</summary>
    public Option<string?> LocalProvider { get; } = new("--local-provider") { Description = "Local provider for --oss: ollama or lmstudio." };

    private bool _dedicated;

    /// <summary>Creates the option set and adds it to <paramref name="command"/>.</summary>
    public static ConfigOptions AddTo(Command command, bool dedicatedFlags = true)
    {
        var o = new ConfigOptions { _dedicated = dedicatedFlags };
        command.Options.Add(o.Config);
        command.Options.Add(o.Profile);
        command.Options.Add(o.Enable);
        command.Options.Add(o.Disable);
        command.Options.Add(o.Cd);
        if (dedicatedFlags)
        {
            command.Options.Add(o.Model);
            command.Options.Add(o.Sandbox);
            command.Options.Add(o.Approval);
            command.Options.Add(o.Search);
            command.Options.Add(o.Oss);
            command.Options.Add(o.LocalProvider);
        }
        return o;
    }

    /// <summary>Builds load options from the environment (CODEX_HOME, CDX_SYSTEM_CONFIG_DIR) and the parsed flags.</summary>
    public ConfigLoadOptions ToLoadOptions(ParseResult pr)
    {
        var cd = pr.GetValue(Cd);
        var baseOptions = ConfigLoadOptions.FromEnvironment(cd is null ? null : Path.GetFullPath(cd));
        return baseOptions with
        {
            Overrides = pr.GetValue(Config) ?? [],
            Profile = pr.GetValue(Profile),
            Enable = pr.GetValue(Enable) ?? [],
            Disable = pr.GetValue(Disable) ?? [],
            Flags = _dedicated
                ? new DedicatedFlags
                {
                    Model = pr.GetValue(Model),
                    SandboxMode = pr.GetValue(Sandbox),
                    ApprovalPolicy = pr.GetValue(Approval),
                    Search = pr.GetValue(Search),
                    Oss = pr.GetValue(Oss),
                    LocalProvider = pr.GetValue(LocalProvider),
                }
                : new DedicatedFlags(),
        };
    }

    /// <summary>Loads the effective config; configuration errors become one-sentence user errors.</summary>
    public async Task<EffectiveConfig> LoadAsync(ParseResult pr, CancellationToken ct)
    {
        try
        {
            var load = ToLoadOptions(pr);
            return await ConfigLoader.LoadAsync(load with { CloudRequirements = Cdx.Governance.Client.GovernanceRequirementsSource.ForHome(load.CodexHome, load.SystemConfigDir, Console.Error) }, ct);
        }
        catch (ConfigException ex)
        {
            throw ToUserError(ex);
        }
    }

    /// <summary>Formats a config error for the terminal, with the offending source line when there is one.</summary>
    public static UserFacingException ToUserError(ConfigException ex)
    {
        var message = $"cdx: {ex.Message}";
        if (ex.InnerException is Cdx.Toml.TomlParseException tp && tp.SourceLine.Length > 0)
        {
            message += $"\n  {tp.SourceLine}\n  {new string(' ', Math.Max(0, tp.Column - 1))}^";
        }
        return new UserFacingException(message, 1, ex);
    }
}
