using Cdx.Config.Layers;

namespace Cdx.Config.Model;

/// <summary>The effective, typed configuration after layering, derived defaults and requirement fallbacks.</summary>
public sealed record CdxConfig
{
    /// <summary>`model` (null: the provider's built-in default).</summary>
    public string? Model { get; init; }
    /// <summary>`review_model`.</summary>
    public string? ReviewModel { get; init; }
    /// <summary>`model_provider` (default `openai`).</summary>
    public string ModelProvider { get; init; } = "openai";
    /// <summary>Built-in and user-defined providers by id.</summary>
    public IReadOnlyDictionary<string, ModelProviderInfo> ModelProviders { get; init; } = new Dictionary<string, ModelProviderInfo>();
    /// <summary>`model_reasoning_effort` (null: model default).</summary>
    public string? ModelReasoningEffort { get; init; }
    /// <summary>`model_reasoning_summary` (default `auto`).</summary>
    public string ModelReasoningSummary { get; init; } = "auto";
    /// <summary>`model_verbosity`.</summary>
    public string? ModelVerbosity { get; init; }
    /// <summary>`model_context_window`.</summary>
    public long? ModelContextWindow { get; init; }
    /// <summary>`approval_policy` (derived from trust when unset).</summary>
    public required ApprovalPolicy ApprovalPolicy { get; init; }
    /// <summary>`approvals_reviewer` (default user).</summary>
    public ApprovalsReviewer ApprovalsReviewer { get; init; } = ApprovalsReviewer.User;
    /// <summary>`sandbox_mode` (derived from trust when unset).</summary>
    public required SandboxMode SandboxMode { get; init; }
    /// <summary>`[sandbox_workspace_write]`.</summary>
    public required SandboxWorkspaceWrite SandboxWorkspaceWrite { get; init; }
    /// <summary>`[shell_environment_policy]`.</summary>
    public required ShellEnvironmentPolicy ShellEnvironmentPolicy { get; init; }
    /// <summary>`web_search` (cached; live under full access).</summary>
    public required WebSearchMode WebSearch { get; init; }
    /// <summary>Effective feature flags by canonical name (after pins).</summary>
    public required IReadOnlyDictionary<string, bool> Features { get; init; }
    /// <summary>`[agents]`.</summary>
    public required AgentsConfig Agents { get; init; }
    /// <summary>`[mcp_servers]`.</summary>
    public IReadOnlyDictionary<string, McpServerConfig> McpServers { get; init; } = new Dictionary<string, McpServerConfig>();
    /// <summary>`project_doc_max_bytes` (default 32768).</summary>
    public long ProjectDocMaxBytes { get; init; } = 32768;
    /// <summary>`project_doc_fallback_filenames`.</summary>
    public IReadOnlyList<string> ProjectDocFallbackFilenames { get; init; } = [];
    /// <summary>`project_root_markers` (default `[".git"]`).</summary>
    public IReadOnlyList<string> ProjectRootMarkers { get; init; } = [".git"];
    /// <summary>`model_instructions_file` (absolute; the deprecated `experimental_instructions_file` is read when it is unset).</summary>
    public string? ModelInstructionsFile { get; init; }
    /// <summary>`developer_instructions`.</summary>
    public string? DeveloperInstructions { get; init; }
    /// <summary>`instructions` (reserved by Codex; read so it is not reported as unknown).</summary>
    public string? Instructions { get; init; }
    /// <summary>`compact_prompt`: replaces the built-in compaction prompt.</summary>
    public string? CompactPrompt { get; init; }
    /// <summary>`experimental_compact_prompt_file` (absolute).</summary>
    public string? ExperimentalCompactPromptFile { get; init; }
    /// <summary>`oss_provider` (`lmstudio` or `ollama`): the provider `--oss` uses.</summary>
    public string? OssProvider { get; init; }
    /// <summary>`model_auto_compact_token_limit` (null: model default).</summary>
    public long? ModelAutoCompactTokenLimit { get; init; }
    /// <summary>`model_supports_reasoning_summaries` (null: decided by model metadata).</summary>
    public bool? ModelSupportsReasoningSummaries { get; init; }
    /// <summary>`plan_mode_reasoning_effort`.</summary>
    public string? PlanModeReasoningEffort { get; init; }
    /// <summary>`service_tier` (`flex` or `fast`).</summary>
    public string? ServiceTier { get; init; }
    /// <summary>`personality` (`none`, `friendly`, `pragmatic`).</summary>
    public string? Personality { get; init; }
    /// <summary>`hide_agent_reasoning` (default false).</summary>
    public bool HideAgentReasoning { get; init; }
    /// <summary>`show_raw_agent_reasoning` (default false).</summary>
    public bool ShowRawAgentReasoning { get; init; }
    /// <summary>`tool_output_token_limit` (null: model default).</summary>
    public long? ToolOutputTokenLimit { get; init; }
    /// <summary>`background_terminal_max_timeout` in ms (default 300000).</summary>
    public long BackgroundTerminalMaxTimeout { get; init; } = 300_000;
    /// <summary>`suppress_unstable_features_warning` (default false).</summary>
    public bool SuppressUnstableFeaturesWarning { get; init; }
    /// <summary>`log_dir` (absolute; default `$CODEX_HOME/log`).</summary>
    public string LogDir { get; init; } = "";
    /// <summary>The provider <see cref="ModelProvider"/> names, or null when no provider has that id.</summary>
    public ModelProviderInfo? SelectedProvider => ModelProviders.GetValueOrDefault(ModelProvider);
    /// <summary>`allow_login_shell` (default true).</summary>
    public bool AllowLoginShell { get; init; } = true;
    /// <summary>`analytics.enabled` (default true).</summary>
    public bool AnalyticsEnabled { get; init; } = true;
    /// <summary>`notify` argv, or null.</summary>
    public IReadOnlyList<string>? Notify { get; init; }
    /// <summary>`[history]`.</summary>
    public HistoryConfig History { get; init; } = new(HistoryPersistence.SaveAll, null);
    /// <summary>`[projects."path"] trust_level` entries (normalised absolute paths).</summary>
    public IReadOnlyDictionary<string, TrustLevel> Projects { get; init; } = new Dictionary<string, TrustLevel>();
}
