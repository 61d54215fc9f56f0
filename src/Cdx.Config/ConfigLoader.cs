using Cdx.Config.Layers;
using Cdx.Config.Model;
using Cdx.Config.Requirements;

namespace Cdx.Config;

/// <summary>
/// The entry point: loads requirements and the layer stack, merges, applies derived defaults and
/// requirement fallbacks, and returns the typed effective configuration with its provenance.
/// </summary>
public static partial class ConfigLoader
{
    /// <summary>Loads the effective configuration; throws <see cref="ConfigException"/> for anything the user must fix.</summary>
    public static async Task<EffectiveConfig> LoadAsync(ConfigLoadOptions options, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(options.Cwd))
        {
            throw new ConfigException("-C/--cd", $"working directory {options.Cwd} does not exist; pass an existing directory.");
        }
        var notices = new List<string>();
        var host = options.HostName ?? System.Net.Dns.GetHostName();
        var requirements = await RequirementsLoader.LoadAsync(options.SystemConfigDir, options.CloudRequirements, host, cancellationToken)
            .ConfigureAwait(false);
        var stack = LayerStack.Build(options, notices);
        var merged = stack.Merge();
        var origins = new Dictionary<string, ConfigOrigin>(StringComparer.Ordinal);
        foreach (var (path, node) in merged.Leaves())
        {
            origins[KeyPath.Format(path)] = node.Origin;
        }
        var resolver = new SettingsResolver(merged, stack.Trust, requirements, origins, notices);
        var resolved = resolver.Resolve();
        var config = ConfigModelBuilder.Build(merged, options.Cwd, options.CodexHome, resolved);
        config = resolver.ApplyMcpAllowlist(config);
        AddDefaultOrigins(config, origins);
        return new EffectiveConfig
        {
            Config = config,
            Merged = merged,
            Layers = stack.Layers,
            Requirements = requirements,
            Origins = origins,
            Constraints = resolver.Constraints,
            Notices = notices,
            Trust = stack.Trust,
            Profile = stack.ProfileName,
            Options = options,
        };
    }

    // Keys shown in `debug config` even when no layer set them get the built-in default origin.
    private static void AddDefaultOrigins(CdxConfig c, Dictionary<string, ConfigOrigin> origins)
    {
        foreach (var key in EffectiveJsonKeys.Defaulted)
        {
            origins.TryAdd(key, ConfigOrigin.BuiltIn);
        }
        foreach (var name in c.Features.Keys)
        {
            origins.TryAdd($"features.{KeyPath.Quote(name)}", ConfigOrigin.BuiltIn);
        }
        foreach (var name in c.McpServers.Keys)
        {
            origins.TryAdd($"mcp_servers.{KeyPath.Quote(name)}.enabled", ConfigOrigin.BuiltIn);
        }
    }
}
