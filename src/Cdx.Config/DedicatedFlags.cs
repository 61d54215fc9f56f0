namespace Cdx.Config;

/// <summary>Dedicated CLI flags that map to config keys; null means "not given".</summary>
public sealed record DedicatedFlags
{
    /// <summary>`-m/--model`.</summary>
    public string? Model { get; init; }

    /// <summary>`-s/--sandbox` (read-only, workspace-write, danger-full-access).</summary>
    public string? SandboxMode { get; init; }

    /// <summary>`-a/--ask-for-approval`.</summary>
    public string? ApprovalPolicy { get; init; }

    /// <summary>`--search`: web_search = "live".</summary>
    public bool Search { get; init; }

    /// <summary>`--oss` provider selection (`ollama`/`lmstudio`), or null.</summary>
    public string? ModelProvider { get; init; }

    /// <summary>Each set flag as (flag text, key path, value).</summary>
    public IEnumerable<(string Flag, string Key, string Value)> Entries()
    {
        if (Model is not null)
        {
            yield return ("--model", "model", Model);
        }
        if (ModelProvider is not null)
        {
            yield return ("--local-provider", "model_provider", ModelProvider);
        }
        if (SandboxMode is not null)
        {
            yield return ("--sandbox", "sandbox_mode", SandboxMode);
        }
        if (ApprovalPolicy is not null)
        {
            yield return ("--ask-for-approval", "approval_policy", ApprovalPolicy);
        }
        if (Search)
        {
            yield return ("--search", "web_search", "live");
        }
    }
}
