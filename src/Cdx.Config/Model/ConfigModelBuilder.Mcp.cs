using Cdx.Config.Layers;

namespace Cdx.Config.Model;

internal static partial class ConfigModelBuilder
{
    private static IReadOnlyDictionary<string, McpServerConfig> ReadMcpServers(ConfigNode root, string cwd)
    {
        var servers = new Dictionary<string, McpServerConfig>(StringComparer.Ordinal);
        var table = NodeReader.Table(root, "mcp_servers", "mcp_servers");
        if (table is null)
        {
            return servers;
        }
        foreach (var (name, node) in table.Children!)
        {
            servers[name] = ReadMcpServer(name, node, cwd);
        }
        return servers;
    }

    private static McpServerConfig ReadMcpServer(string name, ConfigNode node, string cwd)
    {
        var p = $"mcp_servers.{KeyPath.Quote(name)}";
        if (!node.IsTable)
        {
            throw NodeReader.TypeError(node, p, "a table");
        }
        var command = NodeReader.String(node, "command", p + ".command");
        var url = NodeReader.String(node, "url", p + ".url");
        if (command is null == url is null)
        {
            throw NodeReader.Error(node, command is null
                ? $"`{p}` needs either `command` (stdio) or `url` (streamable HTTP)"
                : $"`{p}` sets both `command` and `url`; keep one");
        }
        var cwdText = NodeReader.String(node, "cwd", p + ".cwd");
        var startup = NodeReader.Number(node, "startup_timeout_sec", p + ".startup_timeout_sec")
            ?? NodeReader.Number(node, "startup_timeout_ms", p + ".startup_timeout_ms") / 1000.0
            ?? 10;
        return new McpServerConfig
        {
            Name = name,
            Command = command,
            Args = NodeReader.StringArray(node, "args", p + ".args") ?? [],
            Env = NodeReader.StringMap(node, "env", p + ".env") ?? new Dictionary<string, string>(),
            EnvVars = ReadEnvVars(node, p + ".env_vars"),
            Cwd = cwdText is null ? null : NodeReader.ResolvePath(node["cwd"]!, cwdText, cwd),
            Url = url,
            BearerTokenEnvVar = NodeReader.String(node, "bearer_token_env_var", p + ".bearer_token_env_var"),
            HttpHeaders = NodeReader.StringMap(node, "http_headers", p + ".http_headers") ?? new Dictionary<string, string>(),
            EnvHttpHeaders = NodeReader.StringMap(node, "env_http_headers", p + ".env_http_headers") ?? new Dictionary<string, string>(),
            Enabled = NodeReader.Bool(node, "enabled", p + ".enabled") ?? true,
            DisabledReason = NodeReader.Bool(node, "enabled", p + ".enabled") == false ? "disabled in config" : null,
            Required = NodeReader.Bool(node, "required", p + ".required") ?? false,
            StartupTimeoutSec = startup,
            ToolTimeoutSec = NodeReader.Number(node, "tool_timeout_sec", p + ".tool_timeout_sec") ?? 60,
            EnabledTools = NodeReader.StringArray(node, "enabled_tools", p + ".enabled_tools"),
            DisabledTools = NodeReader.StringArray(node, "disabled_tools", p + ".disabled_tools") ?? [],
            Scopes = NodeReader.StringArray(node, "scopes", p + ".scopes"),
            OauthResource = NodeReader.String(node, "oauth_resource", p + ".oauth_resource"),
        };
    }

    // env_vars entries are names or `{ name = "X", source = "local"|"remote" }` tables.
    private static IReadOnlyList<string> ReadEnvVars(ConfigNode node, string dotted)
    {
        var n = node["env_vars"];
        if (n is null)
        {
            return [];
        }
        if (n.IsTable || n.Value is not Cdx.Toml.TomlArray arr)
        {
            throw NodeReader.TypeError(n, dotted, "an array");
        }
        var names = new List<string>();
        foreach (var item in arr)
        {
            names.Add(item switch
            {
                Cdx.Toml.TomlString s => s.Value,
                Cdx.Toml.TomlTable t when t.TryGetValue("name", out var v) && v is Cdx.Toml.TomlString s2 => s2.Value,
                _ => throw ConfigException.At(item, n.Origin.Place, $"invalid entry in `{dotted}`: expected a name or {{ name = \"VAR\" }}"),
            });
        }
        return names;
    }
}
