using Cdx.Config.Features;
using Cdx.Config.Model;
using Cdx.Toml;

namespace Cdx.Config;

internal sealed partial class SettingsResolver
{
    private IReadOnlyDictionary<string, bool> ResolveFeatures()
    {
        var effective = FeatureRegistry.All.ToDictionary(f => f.Name, f => f.Default, StringComparer.Ordinal);
        var configured = new Dictionary<string, (bool Value, ConfigOrigin Origin)>(StringComparer.Ordinal);
        var table = NodeReader.Table(merged, "features", "features");
        foreach (var (name, node) in table?.Children ?? [])
        {
            var spec = FeatureRegistry.Find(name);
            bool? value = node.IsTable
                ? NodeReader.Bool(node, "enabled", $"features.{KeyPath.Quote(name)}.enabled")
                : node.Value is TomlBoolean b ? b.Value : throw NodeReader.TypeError(node, $"features.{KeyPath.Quote(name)}", "a boolean");
            if (spec is null)
            {
                notices.Add($"Unknown feature `{name}` at {node.Origin} is ignored; run `cdx features list` to see the known features.");
                continue;
            }
            if (value is { } v)
            {
                effective[spec.Name] = v;
                configured[spec.Name] = (v, node.Origin);
                if (spec.Name != name)
                {
                    origins[$"features.{KeyPath.Quote(spec.Name)}"] = node.Origin;
                }
            }
        }
        if (requirements.FeaturePins is { } pins)
        {
            foreach (var (name, pinned) in pins.Value)
            {
                var spec = FeatureRegistry.Find(name);
                if (spec is null)
                {
                    notices.Add($"Requirement `features.{name}` (set by {pins.Source}) names an unknown feature and has no effect.");
                    continue;
                }
                var conflict = configured.TryGetValue(spec.Name, out var c) && c.Value != pinned;
                _constraints.Add(new ConstraintInfo($"features.{spec.Name}", $"features.{spec.Name}", pins.Source, [pinned ? "true" : "false"], conflict));
                if (conflict)
                {
                    notices.Add($"Feature `{spec.Name}` is pinned to {(pinned ? "true" : "false")} by requirements (set by {pins.Source}); " +
                        $"the configured value {(c.Value ? "true" : "false")} from {c.Origin} is ignored.");
                }
                effective[spec.Name] = pinned;
                origins[$"features.{KeyPath.Quote(spec.Name)}"] = FromRequirement($"features.{spec.Name}", pins.Source);
            }
        }
        return effective;
    }

    /// <summary>Disables MCP servers that the requirements allowlist does not name with a matching identity.</summary>
    public CdxConfig ApplyMcpAllowlist(CdxConfig config)
    {
        if (requirements.McpServers is not { } allow)
        {
            return config;
        }
        var servers = new Dictionary<string, McpServerConfig>(StringComparer.Ordinal);
        foreach (var (name, server) in config.McpServers)
        {
            var ok = allow.Value.TryGetValue(name, out var identity) && identity.Matches(server.Command, server.Args, server.Url);
            _constraints.Add(new ConstraintInfo($"mcp_servers.{KeyPath.Quote(name)}.enabled", "mcp_servers", allow.Source,
                allow.Value.Keys.ToArray(), !ok));
            if (ok)
            {
                servers[name] = server;
                continue;
            }
            var reason = $"requirements ({allow.Source})";
            var why = identity is null ? "is not in the requirements allowlist" : "does not match the identity the requirements allowlist gives for it";
            notices.Add($"MCP server `{name}` is disabled: requirements ({allow.Source}); it {why}.");
            servers[name] = server with { Enabled = false, DisabledReason = reason };
            origins[$"mcp_servers.{KeyPath.Quote(name)}.enabled"] = FromRequirement("mcp_servers", allow.Source);
        }
        return config with { McpServers = servers };
    }
}
