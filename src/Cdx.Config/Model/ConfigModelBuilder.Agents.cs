using Cdx.Config.Layers;
using Cdx.Toml;

namespace Cdx.Config.Model;

internal static partial class ConfigModelBuilder
{
    private static readonly HashSet<string> AgentScalarKeys =
    [
        "max_threads", "max_concurrent_threads_per_session", "max_depth", "job_max_runtime_seconds",
        "interrupt_message", "enabled", "default_subagent_model", "default_subagent_reasoning_effort",
    ];

    private static readonly string[] RoleKeys = ["description", "config_file", "nickname_candidates"];

    private static AgentsConfig ReadAgents(ConfigNode root, string cwd)
    {
        var t = NodeReader.Table(root, "agents", "agents");
        if (t is null)
        {
            return new AgentsConfig();
        }
        var maxThreads = NodeReader.Int(t, "max_concurrent_threads_per_session", "agents.max_concurrent_threads_per_session")
            ?? NodeReader.Int(t, "max_threads", "agents.max_threads");
        var threadsNode = t["max_concurrent_threads_per_session"] ?? t["max_threads"];
        if (maxThreads is < 1)
        {
            throw NodeReader.Error(threadsNode!, $"agents.{(t["max_concurrent_threads_per_session"] is null ? "max_threads" : "max_concurrent_threads_per_session")} must be at least 1");
        }
        var maxDepth = NodeReader.Int(t, "max_depth", "agents.max_depth");
        if (maxDepth is < 1)
        {
            throw NodeReader.Error(t["max_depth"]!, "agents.max_depth must be at least 1");
        }
        var roles = new Dictionary<string, AgentRole>(StringComparer.Ordinal);
        foreach (var (key, node) in t.Children!)
        {
            if (AgentScalarKeys.Contains(key))
            {
                continue;
            }
            var role = ReadRole(key, node, cwd);
            roles[role.Name] = role;
        }
        return new AgentsConfig
        {
            MaxThreads = (int)(maxThreads ?? 6),
            MaxDepth = (int)(maxDepth ?? 1),
            JobMaxRuntimeSeconds = NodeReader.Int(t, "job_max_runtime_seconds", "agents.job_max_runtime_seconds", 1),
            InterruptMessage = NodeReader.Bool(t, "interrupt_message", "agents.interrupt_message") ?? true,
            Enabled = NodeReader.Bool(t, "enabled", "agents.enabled") ?? true,
            DefaultSubagentModel = NodeReader.String(t, "default_subagent_model", "agents.default_subagent_model"),
            DefaultSubagentReasoningEffort = NodeReader.OneOf(t, "default_subagent_reasoning_effort", "agents.default_subagent_reasoning_effort", Efforts),
            Roles = roles,
        };
    }

    private static AgentRole ReadRole(string key, ConfigNode node, string cwd)
    {
        var p = $"agents.{KeyPath.Quote(key)}";
        if (!node.IsTable)
        {
            throw NodeReader.Error(node,
                $"invalid type for `{p}`: expected a role table with `description`, `config_file` or `nickname_candidates` " +
                $"(the only scalar keys under [agents] are {EnumText.Expected(AgentScalarKeys)}), found {node.Value!.TypeName()}");
        }
        foreach (var (field, child) in node.Children!)
        {
            if (!RoleKeys.Contains(field))
            {
                throw NodeReader.Error(child, $"unknown field `{field}` in `{p}`, expected one of {EnumText.Expected(RoleKeys)}");
            }
        }
        var description = NodeReader.String(node, "description", p + ".description");
        var nicknames = ReadNicknames(node, p);
        string? configFile = null;
        var name = key;
        if (NodeReader.String(node, "config_file", p + ".config_file") is { } rel)
        {
            var fileNode = node["config_file"]!;
            configFile = NodeReader.ResolvePath(fileNode, rel, cwd);
            if (!File.Exists(configFile))
            {
                throw NodeReader.Error(fileNode, $"{p}.config_file must point to an existing file at {configFile}; create it or fix the path (relative paths resolve from the file that declares the role)");
            }
            var file = ParseRoleFile(configFile);
            if (file.TryGetValue("name", out var nv) && nv is TomlString { Value: var n } && !string.IsNullOrWhiteSpace(n))
            {
                name = n.Trim();
            }
            if (file.TryGetValue("description", out var dv) && dv is TomlString { Value: var d })
            {
                description = d;
            }
            if (file.ContainsKey("nickname_candidates"))
            {
                nicknames = ReadNicknames(ConfigNode.FromToml(file, new ConfigOrigin(OriginKind.User, configFile, configFile)), p);
            }
        }
        if (description is null)
        {
            throw NodeReader.Error(node, $"agent role `{key}` must define a description (set `{p}.description` or `description` in its config_file)");
        }
        if (string.IsNullOrWhiteSpace(description))
        {
            throw NodeReader.Error(node["description"] ?? node, $"{p}.description cannot be blank");
        }
        return new AgentRole(name, description, configFile, nicknames);
    }

    private static TomlTable ParseRoleFile(string path)
    {
        try
        {
            return TomlParser.ParseFile(path);
        }
        catch (TomlParseException ex)
        {
            throw ConfigException.FromParse(ex, path);
        }
    }

    private static IReadOnlyList<string>? ReadNicknames(ConfigNode node, string p)
    {
        var list = NodeReader.StringArray(node, "nickname_candidates", p + ".nickname_candidates");
        if (list is null)
        {
            return null;
        }
        var n = node["nickname_candidates"]!;
        if (list.Count == 0)
        {
            throw NodeReader.Error(n, $"{p}.nickname_candidates must not be empty");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in list)
        {
            var nick = raw.Trim();
            if (nick.Length == 0)
            {
                throw NodeReader.Error(n, $"{p}.nickname_candidates cannot contain blank names");
            }
            if (!nick.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_'))
            {
                throw NodeReader.Error(n, $"{p}.nickname_candidates entry `{nick}` may only use ASCII letters, digits, spaces, `-` and `_`");
            }
            if (!seen.Add(nick))
            {
                throw NodeReader.Error(n, $"{p}.nickname_candidates contains `{nick}` twice");
            }
        }
        return seen.ToArray();
    }
}
