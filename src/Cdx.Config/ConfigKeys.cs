namespace Cdx.Config;

/// <summary>
/// The configuration keys cdx knows. <see cref="Typed"/> are read into the typed model (and must be
/// documented in docs/configuration.md; a test checks it); <see cref="TopLevel"/> are the top-level
/// names that do not trigger the "unknown key" notice.
/// </summary>
public static class ConfigKeys
{
    /// <summary>Dotted keys the typed model reads (`&lt;name&gt;` stands for a user-chosen table key).</summary>
    public static IReadOnlyList<string> Typed { get; } =
    [
        "model", "review_model", "model_provider", "openai_base_url", "model_context_window",
        "model_reasoning_effort", "model_reasoning_summary", "model_verbosity",
        "model_providers.<id>.name", "model_providers.<id>.base_url", "model_providers.<id>.env_key",
        "model_providers.<id>.env_key_instructions", "model_providers.<id>.experimental_bearer_token",
        "model_providers.<id>.requires_openai_auth", "model_providers.<id>.wire_api", "model_providers.<id>.query_params",
        "model_providers.<id>.http_headers", "model_providers.<id>.env_http_headers", "model_providers.<id>.request_max_retries",
        "model_providers.<id>.stream_max_retries", "model_providers.<id>.stream_idle_timeout_ms",
        "model_providers.<id>.supports_websockets", "model_providers.<id>.auth", "model_providers.<id>.aws",
        "approval_policy", "approval_policy.granular.sandbox_approval", "approval_policy.granular.rules",
        "approval_policy.granular.mcp_elicitations", "approval_policy.granular.request_permissions",
        "approval_policy.granular.skill_approval", "approvals_reviewer",
        "sandbox_mode", "sandbox_workspace_write.writable_roots", "sandbox_workspace_write.network_access",
        "sandbox_workspace_write.exclude_tmpdir_env_var", "sandbox_workspace_write.exclude_slash_tmp",
        "shell_environment_policy.inherit", "shell_environment_policy.ignore_default_excludes",
        "shell_environment_policy.exclude", "shell_environment_policy.set", "shell_environment_policy.include_only",
        "shell_environment_policy.experimental_use_profile",
        "web_search", "features.<name>",
        "agents.max_threads", "agents.max_concurrent_threads_per_session", "agents.max_depth",
        "agents.job_max_runtime_seconds", "agents.interrupt_message", "agents.enabled",
        "agents.default_subagent_model", "agents.default_subagent_reasoning_effort",
        "agents.<name>.description", "agents.<name>.config_file", "agents.<name>.nickname_candidates",
        "mcp_servers.<name>.command", "mcp_servers.<name>.args", "mcp_servers.<name>.env", "mcp_servers.<name>.env_vars",
        "mcp_servers.<name>.cwd", "mcp_servers.<name>.url", "mcp_servers.<name>.bearer_token_env_var",
        "mcp_servers.<name>.http_headers", "mcp_servers.<name>.env_http_headers", "mcp_servers.<name>.enabled",
        "mcp_servers.<name>.required", "mcp_servers.<name>.startup_timeout_sec", "mcp_servers.<name>.startup_timeout_ms",
        "mcp_servers.<name>.tool_timeout_sec", "mcp_servers.<name>.enabled_tools", "mcp_servers.<name>.disabled_tools",
        "mcp_servers.<name>.scopes", "mcp_servers.<name>.oauth_resource",
        "project_doc_max_bytes", "project_doc_fallback_filenames", "project_root_markers",
        "model_instructions_file", "developer_instructions", "allow_login_shell", "analytics.enabled",
        "notify", "history.persistence", "history.max_bytes", "projects.<path>.trust_level", "profile", "profiles.<name>",
        "experimental_instructions_file", "instructions", "compact_prompt", "experimental_compact_prompt_file",
        "oss_provider", "model_auto_compact_token_limit", "model_supports_reasoning_summaries", "plan_mode_reasoning_effort",
        "service_tier", "personality", "hide_agent_reasoning", "show_raw_agent_reasoning", "tool_output_token_limit",
        "background_terminal_max_timeout", "suppress_unstable_features_warning", "log_dir",
    ];

    /// <summary>Top-level keys Codex documents; anything else gets an "unknown key" notice.</summary>
    public static IReadOnlySet<string> TopLevel { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "model", "review_model", "model_provider", "model_providers", "openai_base_url", "model_context_window",
        "model_auto_compact_token_limit", "model_catalog_json", "oss_provider", "model_reasoning_effort",
        "plan_mode_reasoning_effort", "model_reasoning_summary", "model_verbosity", "model_supports_reasoning_summaries",
        "service_tier", "personality", "approval_policy", "approvals_reviewer", "auto_review", "allow_login_shell",
        "sandbox_mode", "sandbox_workspace_write", "default_permissions", "permissions", "windows",
        "shell_environment_policy", "web_search", "tools", "features", "agents", "mcp_servers",
        "project_doc_max_bytes", "project_doc_fallback_filenames", "project_root_markers", "model_instructions_file",
        "experimental_instructions_file", "developer_instructions", "instructions", "compact_prompt",
        "experimental_compact_prompt_file", "notify", "history", "tui", "hide_agent_reasoning", "show_raw_agent_reasoning",
        "file_opener", "analytics", "feedback", "check_for_update_on_startup", "log_dir", "sqlite_home",
        "tool_output_token_limit", "background_terminal_max_timeout", "suppress_unstable_features_warning",
        "disable_paste_burst", "windows_wsl_setup_acknowledged", "notice", "otel", "cli_auth_credentials_store",
        "forced_login_method", "forced_chatgpt_workspace_id", "chatgpt_base_url", "mcp_oauth_credentials_store",
        "mcp_oauth_callback_port", "mcp_oauth_callback_url", "projects", "profile", "profiles", "hooks", "skills",
        "apps", "plugins", "marketplaces", "memories", "experimental_use_unified_exec_tool", "tools_view_image",
        "apps_mcp_product_sku", "experimental_realtime_ws_base_url", "enforce_residency",
    };

    /// <summary>
    /// The requirements.toml keys cdx validates and enforces (dotted; `&lt;name&gt;` is a user-chosen
    /// table key). docs/configuration.md must document each one; a test checks it.
    /// </summary>
    public static IReadOnlyList<string> Requirements { get; } =
    [
        "allowed_approval_policies", "allowed_approvals_reviewers", "allowed_sandbox_modes", "remote_sandbox_config",
        "allowed_web_search_modes", "features", "feature_requirements", "rules.prefix_rules",
        "mcp_servers.<name>.identity", "plugins.<plugin>.mcp_servers.<name>.identity", "apps.<id>.enabled",
        "apps.<id>.tools.<tool>.approval_mode", "enforce_residency", "experimental_network",
        "allowed_permission_profiles", "default_permissions", "permissions.<name>", "permissions.filesystem.deny_read",
        "hooks", "allow_managed_hooks_only", "guardian_policy_config", "allow_appshots", "allow_remote_control",
        "allowed_login_methods", "allowed_chatgpt_workspaces", "cli_auth_credentials_store", "chatgpt_base_url",
        "experimental_network.enabled", "experimental_network.http_port", "experimental_network.socks_port",
        "experimental_network.allow_upstream_proxy", "experimental_network.dangerously_allow_non_loopback_proxy",
        "experimental_network.dangerously_allow_all_unix_sockets", "experimental_network.domains",
        "experimental_network.allowed_domains", "experimental_network.denied_domains",
        "experimental_network.managed_allowed_domains_only", "experimental_network.unix_sockets",
        "experimental_network.allow_unix_sockets", "experimental_network.allow_local_binding",
    ];

    /// <summary>Keys a project `.codex/config.toml` may not set (ignored with a notice).</summary>
    public static IReadOnlySet<string> ProjectIgnored { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "openai_base_url", "chatgpt_base_url", "apps_mcp_product_sku", "model_provider", "model_providers",
        "notify", "profile", "profiles", "experimental_realtime_ws_base_url", "otel",
    };
}
