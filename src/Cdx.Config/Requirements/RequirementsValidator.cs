using Cdx.Config.Model;
using Cdx.Toml;

namespace Cdx.Config.Requirements;

/// <summary>Checks a whole requirements document up front so structural errors stop the load.</summary>
internal static partial class RequirementsValidator
{
    public static readonly string[] ApprovalNames = ["untrusted", "on-failure", "on-request", "never", "granular"];
    public static readonly string[] ReviewerNames = ["user", "auto_review"];
    public static readonly string[] SandboxNames = ["read-only", "workspace-write", "danger-full-access", "external-sandbox"];
    public static readonly string[] WebSearchNames = ["disabled", "cached", "live"];
    private static readonly string[] BuiltInProfiles = [":read-only", ":workspace", ":danger-full-access", ":danger-no-sandbox"];

    /// <summary>Validates every known key of <paramref name="doc"/>; unknown keys are ignored.</summary>
    public static void Validate(TomlTable doc, RequirementsSource source)
    {
        var r = new RequirementsReader(source);
        foreach (var (key, value) in doc)
        {
            ValidateField(r, doc, key, value);
        }
    }

    private static void ValidateField(RequirementsReader r, TomlTable doc, string key, TomlValue value)
    {
        switch (key)
        {
            case "allowed_approval_policies":
                r.Enums(value, key, ApprovalNames, nonEmpty: true);
                break;
            case "allowed_approvals_reviewers":
                r.Enums(value, key, ReviewerNames, nonEmpty: true);
                break;
            case "allowed_sandbox_modes":
                ValidateSandboxModes(r, value, key);
                break;
            case "remote_sandbox_config":
                ValidateRemoteSandbox(r, value);
                break;
            case "allowed_web_search_modes":
                r.Enums(value, key, WebSearchNames, nonEmpty: false);
                break;
            case "features" or "feature_requirements":
                foreach (var (name, pin) in r.Table(value, key))
                {
                    r.Bool(pin, $"{key}.{KeyPath.Quote(name)}");
                }
                break;
            case "rules":
                ParseRules(r, value);
                break;
            case "mcp_servers":
                ParseMcpAllowlist(r, value, key);
                break;
            case "plugins":
                foreach (var (plugin, t) in r.Table(value, key))
                {
                    if (r.Table(t, $"plugins.{plugin}").TryGetValue("mcp_servers", out var servers))
                    {
                        ParseMcpAllowlist(r, servers, $"plugins.{KeyPath.Quote(plugin)}.mcp_servers");
                    }
                }
                break;
            case "enforce_residency":
                r.OneOf(value, key, ["us"]);
                break;
            case "experimental_network":
                ParseNetwork(r, value);
                break;
            case "allowed_permission_profiles":
                ValidateProfiles(r, doc, value);
                break;
            case "default_permissions" or "guardian_policy_config" or "guardian_developer_instructions" or "chatgpt_base_url":
                r.String(value, key);
                break;
            case "permissions":
                ValidatePermissions(r, value);
                break;
            case "hooks":
                ValidateHooks(r, value);
                break;
            case "allow_managed_hooks_only" or "allow_appshots" or "allow_remote_control":
                r.Bool(value, key);
                break;
            case "apps":
                ValidateApps(r, value);
                break;
            case "allowed_login_methods":
                r.Enums(value, key, ["chatgpt", "api"], nonEmpty: true);
                break;
            case "allowed_chatgpt_workspaces":
                r.Strings(value, key);
                break;
            case "cli_auth_credentials_store":
                r.OneOf(value, key, ["file", "keyring", "auto"]);
                break;
        }
    }

    public static IReadOnlyList<SandboxMode> ValidateSandboxModes(RequirementsReader r, TomlValue value, string key)
    {
        var names = r.Enums(value, key, SandboxNames, nonEmpty: false);
        if (!names.Contains("read-only"))
        {
            throw r.Error(value, $"`{key}` must include 'read-only' to allow any SandboxPolicy/PermissionProfile; add \"read-only\" to the list");
        }
        return names.Select(n => EnumText.TryParse<SandboxMode>(n, out var m) ? m : SandboxMode.ReadOnly).ToArray();
    }

    private static void ValidateRemoteSandbox(RequirementsReader r, TomlValue value)
    {
        var i = 0;
        foreach (var entry in r.Array(value, "remote_sandbox_config"))
        {
            var key = $"remote_sandbox_config[{i++}]";
            var t = r.Table(entry, key);
            if (!t.TryGetValue("hostname_patterns", out var patterns) || r.Strings(patterns, key + ".hostname_patterns").Count == 0)
            {
                throw r.Error(entry, $"`{key}.hostname_patterns` must be a non-empty list of host name patterns");
            }
            if (!t.TryGetValue("allowed_sandbox_modes", out var modes))
            {
                throw r.Error(entry, $"`{key}` is missing `allowed_sandbox_modes`");
            }
            ValidateSandboxModes(r, modes, key + ".allowed_sandbox_modes");
        }
    }

    private static void ValidateProfiles(RequirementsReader r, TomlTable doc, TomlValue value)
    {
        var custom = doc.TryGetValue("permissions", out var p) && p is TomlTable pt ? pt.Keys.Where(k => k != "filesystem").ToHashSet() : [];
        foreach (var (name, allowed) in r.Table(value, "allowed_permission_profiles"))
        {
            r.Bool(allowed, $"allowed_permission_profiles.{KeyPath.Quote(name)}");
            if (!BuiltInProfiles.Contains(name) && !custom.Contains(name))
            {
                throw r.Error(allowed, $"allowed_permission_profiles names `{name}`, which is neither a built-in profile ({Model.EnumText.Expected(BuiltInProfiles)}) nor defined under [permissions]");
            }
        }
    }

    private static void ValidatePermissions(RequirementsReader r, TomlValue value)
    {
        foreach (var (name, t) in r.Table(value, "permissions"))
        {
            var table = r.Table(t, $"permissions.{KeyPath.Quote(name)}");
            if (name == "filesystem")
            {
                if (table.TryGetValue("deny_read", out var deny))
                {
                    foreach (var entry in r.Array(deny, "permissions.filesystem.deny_read"))
                    {
                        var path = r.String(entry, "permissions.filesystem.deny_read");
                        if (!path.StartsWith('/') && !path.StartsWith("~/", StringComparison.Ordinal) && !path.StartsWith('*'))
                        {
                            throw r.Error(entry, $"`permissions.filesystem.deny_read` entry `{path}` must be an absolute path, `~/...`, or a glob; relative paths are not allowed");
                        }
                    }
                }
                continue;
            }
            if (name.StartsWith(':'))
            {
                throw r.Error(t, $"custom permission profile `{name}` cannot start with ':' (reserved for built-ins)");
            }
        }
    }

    private static void ValidateHooks(RequirementsReader r, TomlValue value)
    {
        var t = r.Table(value, "hooks");
        foreach (var key in new[] { "managed_dir", "windows_managed_dir" })
        {
            if (t.TryGetValue(key, out var dir) && key == "managed_dir")
            {
                var path = r.String(dir, $"hooks.{key}");
                if (!Path.IsPathRooted(path) || !Directory.Exists(path))
                {
                    throw r.Error(dir, $"`hooks.managed_dir` must be an absolute path to an existing directory, found `{path}`");
                }
            }
        }
    }

    private static void ValidateApps(RequirementsReader r, TomlValue value)
    {
        foreach (var (id, app) in r.Table(value, "apps"))
        {
            var p = $"apps.{KeyPath.Quote(id)}";
            var t = r.Table(app, p);
            if (t.TryGetValue("enabled", out var en))
            {
                r.Bool(en, p + ".enabled");
            }
            if (t.TryGetValue("tools", out var tools))
            {
                foreach (var (tool, tt) in r.Table(tools, p + ".tools"))
                {
                    if (r.Table(tt, $"{p}.tools.{KeyPath.Quote(tool)}").TryGetValue("approval_mode", out var mode))
                    {
                        r.OneOf(mode, $"{p}.tools.{KeyPath.Quote(tool)}.approval_mode", ["auto", "prompt", "approve"]);
                    }
                }
            }
        }
    }
}
