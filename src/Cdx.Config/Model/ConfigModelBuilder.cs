using Cdx.Config.Layers;

namespace Cdx.Config.Model;

/// <summary>Reads the merged tree into typed records, validating types and enums with file:line:col errors.</summary>
internal static partial class ConfigModelBuilder
{
    private static readonly string[] Efforts = ["none", "minimal", "low", "medium", "high", "xhigh"];

    /// <summary>The explicitly configured approval policy, or null when no layer set it.</summary>
    public static ApprovalPolicy? ReadApprovalPolicy(ConfigNode root)
    {
        var n = root["approval_policy"];
        if (n is null)
        {
            return null;
        }
        if (!n.IsTable)
        {
            var mode = NodeReader.Enum<ApprovalMode>(root, "approval_policy", "approval_policy")!.Value;
            if (mode == ApprovalMode.Granular)
            {
                throw NodeReader.Error(n, "`approval_policy = \"granular\"` needs its flags; write approval_policy = { granular = { sandbox_approval = true, rules = true, mcp_elicitations = true } }");
            }
            return new ApprovalPolicy(mode);
        }
        var g = n["granular"];
        if (g is null || !g.IsTable || n.Children!.Count != 1)
        {
            var key = n.Children!.Keys.FirstOrDefault(k => k != "granular") ?? "granular";
            throw NodeReader.Error(n, $"unknown variant `{key}` for `approval_policy`, expected one of `untrusted`, `on-failure`, `on-request`, `never`, `granular`");
        }
        bool Required(string key) => NodeReader.Bool(g, key, $"approval_policy.granular.{key}")
            ?? throw NodeReader.Error(g, $"missing field `{key}` in `approval_policy.granular`");
        return new ApprovalPolicy(ApprovalMode.Granular, new GranularApproval(
            Required("sandbox_approval"),
            Required("rules"),
            Required("mcp_elicitations"),
            NodeReader.Bool(g, "request_permissions", "approval_policy.granular.request_permissions") ?? false,
            NodeReader.Bool(g, "skill_approval", "approval_policy.granular.skill_approval") ?? false));
    }

    /// <summary>The explicitly configured sandbox mode, or null.</summary>
    public static SandboxMode? ReadSandboxMode(ConfigNode root)
    {
        // `external-sandbox` is only a requirements value; config.toml accepts the three modes.
        var text = NodeReader.OneOf(root, "sandbox_mode", "sandbox_mode", "read-only", "workspace-write", "danger-full-access");
        return text is not null && EnumText.TryParse<SandboxMode>(text, out var mode) ? mode : null;
    }

    /// <summary>The configured `oss_provider` (`lmstudio` or `ollama`), or null.</summary>
    public static string? ReadOssProvider(ConfigNode? root) =>
        NodeReader.OneOf(root, "oss_provider", "oss_provider", "lmstudio", "ollama");

    /// <summary>The explicitly configured approvals reviewer, or null.</summary>
    public static ApprovalsReviewer? ReadApprovalsReviewer(ConfigNode root) =>
        NodeReader.Enum<ApprovalsReviewer>(root, "approvals_reviewer", "approvals_reviewer");

    /// <summary>
    /// The web search mode set explicitly (`web_search`, or the deprecated features when it is unset)
    /// with the node that set it, or null.
    /// </summary>
    public static (WebSearchMode Mode, ConfigNode Node)? ReadWebSearch(ConfigNode root)
    {
        if (NodeReader.Enum<WebSearchMode>(root, "web_search", "web_search") is { } mode)
        {
            return (mode, root["web_search"]!);
        }
        var features = root["features"];
        if (features?["web_search_request"] is { } live && NodeReader.Bool(features, "web_search_request", "features.web_search_request") == true)
        {
            return (WebSearchMode.Live, live);
        }
        if (features?["web_search_cached"] is { } cached && NodeReader.Bool(features, "web_search_cached", "features.web_search_cached") == true)
        {
            return (WebSearchMode.Cached, cached);
        }
        return null;
    }

    /// <summary>Builds the typed config; approval, sandbox, web search and features come already resolved.</summary>
    public static CdxConfig Build(ConfigNode root, string cwd, string codexHome, ResolvedSettings resolved)
    {
        return new CdxConfig
        {
            Model = NodeReader.String(root, "model", "model"),
            ReviewModel = NodeReader.String(root, "review_model", "review_model"),
            ModelProvider = NodeReader.String(root, "model_provider", "model_provider") ?? "openai",
            ModelProviders = ReadProviders(root),
            ModelReasoningEffort = NodeReader.OneOf(root, "model_reasoning_effort", "model_reasoning_effort", Efforts),
            ModelReasoningSummary = NodeReader.OneOf(root, "model_reasoning_summary", "model_reasoning_summary", "auto", "concise", "detailed", "none") ?? "auto",
            ModelVerbosity = NodeReader.OneOf(root, "model_verbosity", "model_verbosity", "low", "medium", "high"),
            ModelContextWindow = NodeReader.Int(root, "model_context_window", "model_context_window", 1),
            ApprovalPolicy = resolved.ApprovalPolicy,
            ApprovalsReviewer = resolved.ApprovalsReviewer,
            SandboxMode = resolved.SandboxMode,
            SandboxWorkspaceWrite = ReadWorkspaceWrite(root, cwd),
            ShellEnvironmentPolicy = ReadShellEnvironmentPolicy(root),
            WebSearch = resolved.WebSearch,
            Features = resolved.Features,
            Agents = ReadAgents(root, cwd),
            McpServers = ReadMcpServers(root, cwd),
            ProjectDocMaxBytes = NodeReader.Int(root, "project_doc_max_bytes", "project_doc_max_bytes", 0) ?? 32768,
            ProjectDocFallbackFilenames = NodeReader.StringArray(root, "project_doc_fallback_filenames", "project_doc_fallback_filenames") ?? [],
            ProjectRootMarkers = NodeReader.StringArray(root, "project_root_markers", "project_root_markers") ?? [".git"],
            ModelInstructionsFile = ReadPath(root, "model_instructions_file", cwd) ?? ReadPath(root, "experimental_instructions_file", cwd),
            DeveloperInstructions = NodeReader.String(root, "developer_instructions", "developer_instructions"),
            Instructions = NodeReader.String(root, "instructions", "instructions"),
            CompactPrompt = NodeReader.String(root, "compact_prompt", "compact_prompt"),
            ExperimentalCompactPromptFile = ReadPath(root, "experimental_compact_prompt_file", cwd),
            OssProvider = ReadOssProvider(root),
            ModelAutoCompactTokenLimit = NodeReader.Int(root, "model_auto_compact_token_limit", "model_auto_compact_token_limit", 1),
            ModelSupportsReasoningSummaries = NodeReader.Bool(root, "model_supports_reasoning_summaries", "model_supports_reasoning_summaries"),
            PlanModeReasoningEffort = NodeReader.OneOf(root, "plan_mode_reasoning_effort", "plan_mode_reasoning_effort", Efforts),
            ServiceTier = NodeReader.OneOf(root, "service_tier", "service_tier", "flex", "fast"),
            Personality = NodeReader.OneOf(root, "personality", "personality", "none", "friendly", "pragmatic"),
            HideAgentReasoning = NodeReader.Bool(root, "hide_agent_reasoning", "hide_agent_reasoning") ?? false,
            ShowRawAgentReasoning = NodeReader.Bool(root, "show_raw_agent_reasoning", "show_raw_agent_reasoning") ?? false,
            ToolOutputTokenLimit = NodeReader.Int(root, "tool_output_token_limit", "tool_output_token_limit", 1),
            BackgroundTerminalMaxTimeout = NodeReader.Int(root, "background_terminal_max_timeout", "background_terminal_max_timeout", 1) ?? 300_000,
            SuppressUnstableFeaturesWarning = NodeReader.Bool(root, "suppress_unstable_features_warning", "suppress_unstable_features_warning") ?? false,
            LogDir = ReadPath(root, "log_dir", cwd) ?? Path.Combine(codexHome, "log"),
            AllowLoginShell = NodeReader.Bool(root, "allow_login_shell", "allow_login_shell") ?? true,
            AnalyticsEnabled = NodeReader.Bool(NodeReader.Table(root, "analytics", "analytics"), "enabled", "analytics.enabled") ?? true,
            Notify = NodeReader.StringArray(root, "notify", "notify"),
            History = ReadHistory(root),
            Projects = ReadProjects(root),
        };
    }

    private static string? ReadPath(ConfigNode root, string key, string cwd)
    {
        var text = NodeReader.String(root, key, key);
        return text is null ? null : NodeReader.ResolvePath(root[key]!, text, cwd);
    }

    private static SandboxWorkspaceWrite ReadWorkspaceWrite(ConfigNode root, string cwd)
    {
        var t = NodeReader.Table(root, "sandbox_workspace_write", "sandbox_workspace_write");
        const string P = "sandbox_workspace_write.";
        var roots = new List<string>();
        if (NodeReader.StringArray(t, "writable_roots", P + "writable_roots") is { } raw)
        {
            var node = t!["writable_roots"]!;
            roots.AddRange(raw.Select(r => NodeReader.ResolvePath(node, r, cwd)));
        }
        return new SandboxWorkspaceWrite(
            roots,
            NodeReader.Bool(t, "network_access", P + "network_access") ?? false,
            NodeReader.Bool(t, "exclude_tmpdir_env_var", P + "exclude_tmpdir_env_var") ?? false,
            NodeReader.Bool(t, "exclude_slash_tmp", P + "exclude_slash_tmp") ?? false);
    }

    private static ShellEnvironmentPolicy ReadShellEnvironmentPolicy(ConfigNode root)
    {
        var t = NodeReader.Table(root, "shell_environment_policy", "shell_environment_policy");
        const string P = "shell_environment_policy.";
        return new ShellEnvironmentPolicy(
            NodeReader.Enum<EnvironmentInherit>(t, "inherit", P + "inherit") ?? EnvironmentInherit.All,
            NodeReader.Bool(t, "ignore_default_excludes", P + "ignore_default_excludes") ?? false,
            NodeReader.StringArray(t, "exclude", P + "exclude") ?? [],
            NodeReader.StringMap(t, "set", P + "set") ?? new Dictionary<string, string>(),
            NodeReader.StringArray(t, "include_only", P + "include_only") ?? [],
            NodeReader.Bool(t, "experimental_use_profile", P + "experimental_use_profile") ?? false);
    }

    private static HistoryConfig ReadHistory(ConfigNode root)
    {
        var t = NodeReader.Table(root, "history", "history");
        return new HistoryConfig(
            NodeReader.Enum<HistoryPersistence>(t, "persistence", "history.persistence") ?? HistoryPersistence.SaveAll,
            NodeReader.Int(t, "max_bytes", "history.max_bytes", 0));
    }

    /// <summary>`[projects."path"] trust_level` entries keyed by normalised absolute path.</summary>
    public static IReadOnlyDictionary<string, TrustLevel> ReadProjects(ConfigNode root)
    {
        var map = new Dictionary<string, TrustLevel>(StringComparer.Ordinal);
        var t = NodeReader.Table(root, "projects", "projects");
        if (t is null)
        {
            return map;
        }
        foreach (var (path, entry) in t.Children!)
        {
            var dotted = $"projects.{KeyPath.Quote(path)}";
            if (!entry.IsTable)
            {
                throw NodeReader.TypeError(entry, dotted, "a table");
            }
            var level = NodeReader.OneOf(entry, "trust_level", dotted + ".trust_level", "trusted", "untrusted");
            if (level is null || !Path.IsPathRooted(path))
            {
                continue;
            }
            map[ProjectTrust.NormalizeKey(path)] = level == "trusted" ? TrustLevel.Trusted : TrustLevel.Untrusted;
        }
        return map;
    }
}
