using Cdx.Config.Layers;
using Cdx.Config.Model;
using Cdx.Config.Requirements;

namespace Cdx.Config;

/// <summary>
/// Turns explicit values, trust-derived defaults and requirements into the constrained settings.
/// Explicit disallowed values fall back with a warning; a disallowed derived approval policy falls
/// back silently (Codex 0.169 warns for derived sandbox and web search modes too).
/// </summary>
internal sealed partial class SettingsResolver(
    ConfigNode merged,
    ProjectTrust trust,
    EffectiveRequirements requirements,
    Dictionary<string, ConfigOrigin> origins,
    List<string> notices)
{
    private readonly List<ConstraintInfo> _constraints = [];

    public IReadOnlyList<ConstraintInfo> Constraints => _constraints;

    public ResolvedSettings Resolve()
    {
        var approval = ResolveApproval();
        var reviewer = ResolveReviewer();
        var sandbox = ResolveSandbox();
        if (ConfigModelBuilder.ReadApprovalPolicy(merged) is not null)
        {
            CheckNeverWithoutFullAccess(approval);
        }
        var web = ResolveWebSearch(sandbox);
        var features = ResolveFeatures();
        return new ResolvedSettings(approval, reviewer, sandbox, web, features);
    }

    private ConfigOrigin Derived(string what) => new(OriginKind.DerivedDefault, $"default (derived from {what})");

    private string TrustText => trust.Level switch
    {
        TrustLevel.Trusted => $"project trust: {trust.DecidedBy} is trusted",
        TrustLevel.Untrusted => $"project trust: {trust.DecidedBy} is untrusted",
        _ => "project trust: no trust entry for this directory",
    };

    private static ConfigOrigin FromRequirement(string requirement, RequirementsSource source) =>
        new(OriginKind.Requirement, $"requirements: {requirement} ({source})");

    private void Warn(string field, string fallback, string candidate, IEnumerable<string> allowed, RequirementsSource source) =>
        notices.Add($"Configured value for `{field}` is disallowed by requirements; falling back to required value {fallback}. " +
            $"Details: invalid value for `{field}`: `{candidate}` is not in the allowed set [{string.Join(", ", allowed)}] (set by {source})");

    private ApprovalPolicy ResolveApproval()
    {
        var explicitValue = ConfigModelBuilder.ReadApprovalPolicy(merged);
        var value = explicitValue ?? new ApprovalPolicy(trust.Level == TrustLevel.Untrusted ? ApprovalMode.Untrusted : ApprovalMode.OnRequest);
        if (explicitValue is null)
        {
            origins["approval_policy"] = Derived(TrustText);
        }
        if (requirements.AllowedApprovalPolicies is not { } req)
        {
            return value;
        }
        var allowed = req.Value;
        var ok = allowed.Contains(EnumText.Name(value.Mode));
        var fallbackName = allowed.FirstOrDefault(a => a != "granular") ?? "on-request";
        _constraints.Add(new ConstraintInfo("approval_policy", "allowed_approval_policies", req.Source, allowed, !ok));
        if (ok)
        {
            return value;
        }
        EnumText.TryParse<ApprovalMode>(fallbackName, out var fallback);
        if (explicitValue is not null)
        {
            Warn("approval_policy", fallbackName, EnumText.Name(value.Mode), allowed, req.Source);
        }
        RemoveOrigins("approval_policy");
        origins["approval_policy"] = FromRequirement("allowed_approval_policies", req.Source);
        return new ApprovalPolicy(fallback);
    }

    private ApprovalsReviewer ResolveReviewer()
    {
        var explicitValue = ConfigModelBuilder.ReadApprovalsReviewer(merged);
        var value = explicitValue ?? ApprovalsReviewer.User;
        if (requirements.AllowedApprovalsReviewers is not { } req)
        {
            return value;
        }
        var ok = req.Value.Contains(value);
        var names = req.Value.Select(EnumText.Name).ToArray();
        _constraints.Add(new ConstraintInfo("approvals_reviewer", "allowed_approvals_reviewers", req.Source, names, !ok));
        if (ok)
        {
            return value;
        }
        if (explicitValue is not null)
        {
            Warn("approvals_reviewer", names[0], EnumText.Name(value), names, req.Source);
        }
        origins["approvals_reviewer"] = FromRequirement("allowed_approvals_reviewers", req.Source);
        return req.Value[0];
    }

    private SandboxMode ResolveSandbox()
    {
        var explicitValue = ConfigModelBuilder.ReadSandboxMode(merged);
        var value = explicitValue ?? (trust.Level == TrustLevel.Unknown ? SandboxMode.ReadOnly : SandboxMode.WorkspaceWrite);
        if (explicitValue is null)
        {
            origins["sandbox_mode"] = Derived(TrustText);
        }
        if (requirements.AllowedSandboxModes is not { } req)
        {
            return value;
        }
        var ok = req.Value.Contains(value);
        var names = req.Value.Select(EnumText.Name).ToArray();
        _constraints.Add(new ConstraintInfo("sandbox_mode", "allowed_sandbox_modes", req.Source, names, !ok));
        if (ok)
        {
            return value;
        }
        Warn("sandbox_mode", "read-only", EnumText.Name(value), names, req.Source);
        origins["sandbox_mode"] = FromRequirement("allowed_sandbox_modes", req.Source);
        return SandboxMode.ReadOnly;
    }

    private void CheckNeverWithoutFullAccess(ApprovalPolicy approval)
    {
        if (approval.Mode != ApprovalMode.Never || requirements.AllowedSandboxModes is not { } req
            || req.Value.Contains(SandboxMode.DangerFullAccess))
        {
            return;
        }
        var place = origins.TryGetValue("approval_policy", out var o) ? o.ToString() : "approval_policy";
        throw new ConfigException(place,
            "`approval_policy = \"never\"` cannot be used because requirements do not allow `sandbox_mode = \"danger-full-access\"` " +
            $"(set by {req.Source}); Codex would fall back to read-only permissions with approvals disabled. " +
            "Choose another approval_policy (for example on-request) or ask your administrator to allow danger-full-access.");
    }

    private WebSearchMode ResolveWebSearch(SandboxMode sandbox)
    {
        var explicitValue = ConfigModelBuilder.ReadWebSearch(merged);
        var value = explicitValue?.Mode ?? (sandbox == SandboxMode.DangerFullAccess ? WebSearchMode.Live : WebSearchMode.Cached);
        if (explicitValue is { } e)
        {
            origins["web_search"] = e.Node.Origin;
        }
        else
        {
            origins["web_search"] = Derived(sandbox == SandboxMode.DangerFullAccess ? "sandbox_mode = danger-full-access" : "the built-in default");
        }
        if (requirements.AllowedWebSearchModes is not { } req)
        {
            return value;
        }
        var ok = req.Value.Contains(value);
        var names = req.Value.Select(EnumText.Name).ToArray();
        _constraints.Add(new ConstraintInfo("web_search", "allowed_web_search_modes", req.Source, names, !ok));
        if (ok)
        {
            return value;
        }
        var fallback = req.Value.Contains(WebSearchMode.Cached) ? WebSearchMode.Cached
            : req.Value.Contains(WebSearchMode.Live) ? WebSearchMode.Live : WebSearchMode.Disabled;
        Warn("web_search_mode", EnumText.Name(fallback), EnumText.Name(value), names, req.Source);
        origins["web_search"] = FromRequirement("allowed_web_search_modes", req.Source);
        return fallback;
    }

    private void RemoveOrigins(string prefix)
    {
        foreach (var key in origins.Keys.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToArray())
        {
            origins.Remove(key);
        }
    }
}
