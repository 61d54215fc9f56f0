using Cdx.Config.Features;
using Cdx.Config.Model;
using Cdx.Toml;

namespace Cdx.Config.Requirements;

/// <summary>
/// Loads requirements from cloud, the legacy managed_config.toml backfill and the system
/// requirements.toml, and merges them field by field: the first source that sets a field wins,
/// and present-but-empty counts as set.
/// </summary>
public static class RequirementsLoader
{
    /// <summary>Loads, validates and merges every source; throws <see cref="ConfigException"/> on invalid input.</summary>
    public static async ValueTask<EffectiveRequirements> LoadAsync(
        string systemDir, ICloudRequirementsSource? cloud, string hostName, CancellationToken ct)
    {
        var docs = new List<(TomlTable Doc, RequirementsSource Source)>();
        if (cloud is not null)
        {
            var result = await cloud.LoadAsync(ct).ConfigureAwait(false);
            if (result.Status == CloudRequirementsStatus.Failed)
            {
                throw new ConfigException("cloud requirements",
                    $"failed to load your workspace-managed requirements ({result.Detail ?? "no detail"}); cdx will not start without them. Check your network and sign-in, then retry.");
            }
            if (result.Status == CloudRequirementsStatus.Loaded && !string.IsNullOrWhiteSpace(result.Contents))
            {
                docs.Add((ParseText(result.Contents, RequirementsSource.Cloud), RequirementsSource.Cloud));
            }
        }
        var managedPath = Path.Combine(systemDir, "managed_config.toml");
        if (File.Exists(managedPath))
        {
            var source = new RequirementsSource(RequirementsSourceKind.LegacyManagedConfigFile, managedPath, managedPath);
            docs.Add((LegacyBackfill(ParseFile(managedPath), source), source));
        }
        var systemPath = Path.Combine(systemDir, "requirements.toml");
        if (File.Exists(systemPath))
        {
            docs.Add((ParseFile(systemPath), new RequirementsSource(RequirementsSourceKind.SystemFile, systemPath, systemPath)));
        }
        foreach (var (doc, source) in docs)
        {
            RequirementsValidator.Validate(doc, source);
        }
        return Build(Merge(docs.Select(d => (RemoteSandbox.Apply(d.Doc, hostName), d.Source)).ToArray()));
    }

    /// <summary>Parses one requirements document from TOML text (for the governance server's policy validation).</summary>
    public static EffectiveRequirements ParseSingle(string text, RequirementsSource source, string hostName)
    {
        var doc = ParseText(text, source);
        RequirementsValidator.Validate(doc, source);
        return Build(Merge([(RemoteSandbox.Apply(doc, hostName), source)]));
    }

    private static TomlTable ParseFile(string path)
    {
        try
        {
            return TomlParser.ParseFile(path);
        }
        catch (TomlParseException ex)
        {
            throw ConfigException.FromParse(ex, path);
        }
        catch (IOException ex)
        {
            throw new ConfigException(path, $"cannot read the file ({ex.Message}); fix its permissions or remove it");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ConfigException(path, $"cannot read the file ({ex.Message}); fix its permissions or remove it");
        }
    }

    private static TomlTable ParseText(string text, RequirementsSource source)
    {
        try
        {
            return TomlParser.Parse(text, source.Path);
        }
        catch (TomlParseException ex)
        {
            throw new ConfigException($"{source.Label}:{ex.Line}:{ex.Column}", ex.Reason, ex);
        }
    }

    // managed_config.toml's approval_policy / sandbox_mode / approvals_reviewer become allowlists.
    private static TomlTable LegacyBackfill(TomlTable managed, RequirementsSource source)
    {
        var r = new RequirementsReader(source);
        var doc = new TomlTable();
        if (managed.TryGetValue("approval_policy", out var ap) && ap is TomlString)
        {
            r.OneOf(ap, "approval_policy", RequirementsValidator.ApprovalNames.Where(n => n != "granular").ToArray());
            doc.Add("allowed_approval_policies", new TomlArray([ap]));
        }
        if (managed.TryGetValue("sandbox_mode", out var sm))
        {
            var mode = r.OneOf(sm, "sandbox_mode", ["read-only", "workspace-write", "danger-full-access"]);
            doc.Add("allowed_sandbox_modes", new TomlArray(mode == "read-only" ? [sm] : [new TomlString("read-only"), sm]));
        }
        if (managed.TryGetValue("approvals_reviewer", out var rv))
        {
            r.OneOf(rv, "approvals_reviewer", RequirementsValidator.ReviewerNames);
            doc.Add("allowed_approvals_reviewers", new TomlArray([rv]));
        }
        return doc;
    }

    private static Dictionary<string, Sourced<TomlValue>> Merge(IReadOnlyList<(TomlTable Doc, RequirementsSource Source)> docs)
    {
        var fields = new Dictionary<string, Sourced<TomlValue>>(StringComparer.Ordinal);
        foreach (var (doc, source) in docs)
        {
            foreach (var (rawKey, value) in doc)
            {
                var key = rawKey switch
                {
                    "feature_requirements" => "features",
                    "guardian_developer_instructions" => "guardian_policy_config",
                    _ => rawKey,
                };
                if (key == "guardian_policy_config" && value is TomlString { Value: var g } && string.IsNullOrWhiteSpace(g))
                {
                    continue;
                }
                if (key is "allowed_login_methods" or "allowed_chatgpt_workspaces" or "cli_auth_credentials_store" or "chatgpt_base_url"
                    && source.Kind == RequirementsSourceKind.Cloud)
                {
                    continue; // honoured only from local sources
                }
                if (fields.TryGetValue(key, out var existing))
                {
                    if (key == "apps")
                    {
                        fields[key] = existing with { Value = MergeApps((TomlTable)existing.Value, (TomlTable)value) };
                    }
                    else if (key == "allowed_permission_profiles")
                    {
                        fields[key] = existing with { Value = AddMissing((TomlTable)existing.Value, (TomlTable)value) };
                    }
                    continue;
                }
                fields[key] = new Sourced<TomlValue>(value, source);
            }
        }
        return fields;
    }

    // Per app id: `enabled = false` from any source wins; per tool the earlier source wins.
    private static TomlTable MergeApps(TomlTable earlier, TomlTable later)
    {
        var result = new TomlTable();
        foreach (var id in earlier.Keys.Concat(later.Keys).Distinct())
        {
            var a = earlier.TryGetValue(id, out var av) ? (TomlTable)av : null;
            var b = later.TryGetValue(id, out var bv) ? (TomlTable)bv : null;
            if (a is null || b is null)
            {
                result.Add(id, (a ?? b)!);
                continue;
            }
            var app = new TomlTable();
            var disabled = IsFalse(a, "enabled") || IsFalse(b, "enabled");
            if (a.ContainsKey("enabled") || b.ContainsKey("enabled"))
            {
                app.Add("enabled", disabled ? new TomlBoolean(false) : (a.TryGetValue("enabled", out var e) ? e : b["enabled"]));
            }
            var tools = AddMissing(a.TryGetValue("tools", out var at) ? (TomlTable)at : new TomlTable(),
                b.TryGetValue("tools", out var bt) ? (TomlTable)bt : new TomlTable());
            if (tools.Count > 0)
            {
                app.Add("tools", tools);
            }
            result.Add(id, app);
        }
        return result;
    }

    private static bool IsFalse(TomlTable t, string key) => t.TryGetValue(key, out var v) && v is TomlBoolean { Value: false };

    private static TomlTable AddMissing(TomlTable earlier, TomlTable later)
    {
        var result = new TomlTable();
        foreach (var (k, v) in earlier)
        {
            result.Add(k, v);
        }
        foreach (var (k, v) in later)
        {
            if (!earlier.ContainsKey(k))
            {
                result.Add(k, v);
            }
        }
        return result;
    }

    private static EffectiveRequirements Build(Dictionary<string, Sourced<TomlValue>> fields)
    {
        Sourced<T>? Typed<T>(string key, Func<RequirementsReader, TomlValue, T> read) =>
            fields.TryGetValue(key, out var f) ? new Sourced<T>(read(new RequirementsReader(f.Source), f.Value), f.Source) : null;

        return new EffectiveRequirements
        {
            Fields = fields,
            AllowedApprovalPolicies = Typed("allowed_approval_policies", (r, v) => r.Enums(v, "allowed_approval_policies", RequirementsValidator.ApprovalNames, true)),
            AllowedApprovalsReviewers = Typed<IReadOnlyList<ApprovalsReviewer>>("allowed_approvals_reviewers",
                (r, v) => r.Enums(v, "allowed_approvals_reviewers", RequirementsValidator.ReviewerNames, true)
                    .Select(n => EnumText.TryParse<ApprovalsReviewer>(n, out var x) ? x : ApprovalsReviewer.User).ToArray()),
            AllowedSandboxModes = Typed("allowed_sandbox_modes", (r, v) => RequirementsValidator.ValidateSandboxModes(r, v, "allowed_sandbox_modes")),
            AllowedWebSearchModes = Typed<IReadOnlyList<WebSearchMode>>("allowed_web_search_modes",
                (r, v) => r.Enums(v, "allowed_web_search_modes", RequirementsValidator.WebSearchNames, false)
                    .Append("disabled").Distinct()
                    .Select(n => EnumText.TryParse<WebSearchMode>(n, out var x) ? x : WebSearchMode.Disabled).ToArray()),
            FeaturePins = Typed<IReadOnlyDictionary<string, bool>>("features", (r, v) =>
                ((TomlTable)v).ToDictionary(kv => FeatureRegistry.Find(kv.Key)?.Name ?? kv.Key, kv => ((TomlBoolean)kv.Value).Value)),
            PrefixRules = Typed("rules", RequirementsValidator.ParseRules),
            McpServers = Typed("mcp_servers", (r, v) => RequirementsValidator.ParseMcpAllowlist(r, v, "mcp_servers")),
            Network = Typed("experimental_network", RequirementsValidator.ParseNetwork),
            EnforceResidency = Typed("enforce_residency", (r, v) => r.String(v, "enforce_residency")),
        };
    }
}
