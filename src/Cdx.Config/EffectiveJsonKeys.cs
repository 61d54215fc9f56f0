namespace Cdx.Config;

/// <summary>Leaf keys that always appear in the effective config (filled with defaults when unset).</summary>
internal static class EffectiveJsonKeys
{
    public static readonly string[] Defaulted =
    [
        "model_provider", "model_reasoning_summary", "approval_policy", "approvals_reviewer", "sandbox_mode",
        "sandbox_workspace_write.writable_roots", "sandbox_workspace_write.network_access",
        "sandbox_workspace_write.exclude_tmpdir_env_var", "sandbox_workspace_write.exclude_slash_tmp",
        "shell_environment_policy.inherit", "shell_environment_policy.ignore_default_excludes",
        "shell_environment_policy.exclude", "shell_environment_policy.set", "shell_environment_policy.include_only",
        "shell_environment_policy.experimental_use_profile", "web_search", "agents.max_threads", "agents.max_depth",
        "project_doc_max_bytes", "project_doc_fallback_filenames", "project_root_markers", "allow_login_shell",
        "analytics.enabled", "history.persistence",
    ];
}
