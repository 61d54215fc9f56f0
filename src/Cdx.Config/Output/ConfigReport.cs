using System.Text.Json.Nodes;
using Cdx.Config.Layers;
using Cdx.Config.Model;

namespace Cdx.Config.Output;

/// <summary>Renders an <see cref="EffectiveConfig"/> for `cdx debug config` as JSON.</summary>
public static partial class ConfigReport
{
    /// <summary>`{config, origins, requirements, notices}` plus constraints, layers and project details.</summary>
    public static JsonObject ToJson(EffectiveConfig e)
    {
        var origins = new JsonObject();
        foreach (var (k, v) in e.Origins.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            origins[k] = v.ToString();
        }
        return new JsonObject
        {
            ["config"] = EffectiveConfigJson(e),
            ["origins"] = origins,
            ["requirements"] = RequirementsJson(e),
            ["requirement_sources"] = new JsonObject(e.Requirements.Fields.Select(f =>
                KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value.Source.Label)))),
            ["constraints"] = ConstraintsJson(e),
            ["notices"] = new JsonArray(e.Notices.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
            ["layers"] = new JsonArray(e.Layers.Select(LayerJson).ToArray()),
            ["project"] = new JsonObject
            {
                ["cwd"] = e.Trust.Cwd,
                ["root"] = e.Trust.Root,
                ["trust_level"] = e.Trust.Level switch { TrustLevel.Trusted => "trusted", TrustLevel.Untrusted => "untrusted", _ => null },
                ["trust_decided_by"] = e.Trust.DecidedBy,
            },
            ["profile"] = e.Profile,
        };
    }

    private static JsonNode? ToJson(ConfigNode node)
    {
        if (!node.IsTable)
        {
            return node.Value!.ToJson();
        }
        var obj = new JsonObject();
        foreach (var (k, c) in node.Children!)
        {
            obj[k] = ToJson(c);
        }
        return obj;
    }

    private static JsonObject EffectiveConfigJson(EffectiveConfig e)
    {
        var c = e.Config;
        var root = (JsonObject)ToJson(e.Merged)!;
        root["model_provider"] = c.ModelProvider;
        root["model_reasoning_summary"] = c.ModelReasoningSummary;
        root["approval_policy"] = ApprovalJson(c.ApprovalPolicy);
        root["approvals_reviewer"] = EnumText.Name(c.ApprovalsReviewer);
        root["sandbox_mode"] = EnumText.Name(c.SandboxMode);
        var ww = Obj(root, "sandbox_workspace_write");
        ww["writable_roots"] = Strings(c.SandboxWorkspaceWrite.WritableRoots);
        ww["network_access"] = c.SandboxWorkspaceWrite.NetworkAccess;
        ww["exclude_tmpdir_env_var"] = c.SandboxWorkspaceWrite.ExcludeTmpdirEnvVar;
        ww["exclude_slash_tmp"] = c.SandboxWorkspaceWrite.ExcludeSlashTmp;
        var sep = Obj(root, "shell_environment_policy");
        var p = c.ShellEnvironmentPolicy;
        sep["inherit"] = EnumText.Name(p.Inherit);
        sep["ignore_default_excludes"] = p.IgnoreDefaultExcludes;
        sep["exclude"] = Strings(p.Exclude);
        sep["set"] = new JsonObject(p.Set.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));
        sep["include_only"] = Strings(p.IncludeOnly);
        sep["experimental_use_profile"] = p.ExperimentalUseProfile;
        root["web_search"] = EnumText.Name(c.WebSearch);
        var features = Obj(root, "features");
        foreach (var (name, value) in c.Features)
        {
            features[name] = value;
        }
        AgentsJson(Obj(root, "agents"), c.Agents);
        foreach (var (name, server) in c.McpServers)
        {
            Obj(Obj(root, "mcp_servers"), name)["enabled"] = server.Enabled;
        }
        root["project_doc_max_bytes"] = c.ProjectDocMaxBytes;
        root["project_doc_fallback_filenames"] = Strings(c.ProjectDocFallbackFilenames);
        root["project_root_markers"] = Strings(c.ProjectRootMarkers);
        root["allow_login_shell"] = c.AllowLoginShell;
        Obj(root, "analytics")["enabled"] = c.AnalyticsEnabled;
        Obj(root, "history")["persistence"] = EnumText.Name(c.History.Persistence);
        if (c.ModelInstructionsFile is not null)
        {
            root["model_instructions_file"] = c.ModelInstructionsFile;
        }
        return root;
    }

    private static void AgentsJson(JsonObject agents, AgentsConfig a)
    {
        agents["max_threads"] = a.MaxThreads;
        agents["max_depth"] = a.MaxDepth;
        foreach (var (_, role) in a.Roles)
        {
            var r = Obj(agents, role.Name);
            r["description"] = role.Description;
            if (role.ConfigFile is not null)
            {
                r["config_file"] = role.ConfigFile;
            }
            if (role.NicknameCandidates is not null)
            {
                r["nickname_candidates"] = Strings(role.NicknameCandidates);
            }
        }
    }

    private static JsonNode ApprovalJson(ApprovalPolicy a)
    {
        if (a.Granular is not { } g)
        {
            return JsonValue.Create(EnumText.Name(a.Mode));
        }
        return new JsonObject
        {
            ["granular"] = new JsonObject
            {
                ["sandbox_approval"] = g.SandboxApproval,
                ["rules"] = g.Rules,
                ["mcp_elicitations"] = g.McpElicitations,
                ["request_permissions"] = g.RequestPermissions,
                ["skill_approval"] = g.SkillApproval,
            },
        };
    }

    private static JsonObject Obj(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject o)
        {
            return o;
        }
        var created = new JsonObject();
        parent[key] = created;
        return created;
    }

    private static JsonArray Strings(IEnumerable<string> items) =>
        new(items.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());

    private static JsonObject LayerJson(ConfigLayer l) => new()
    {
        ["kind"] = l.Kind.ToString(),
        ["origin"] = l.Origin.ToString(),
        ["path"] = l.Path,
        ["enabled"] = l.Enabled,
        ["disabled_reason"] = l.DisabledReason,
    };
}
