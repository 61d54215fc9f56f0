namespace Cdx.Config;

/// <summary>Dedicated CLI flags that map to config keys; null means "not given".</summary>
public sealed record DedicatedFlags
{
    /// <summary>Default model Codex picks for each OSS provider when `--oss` is given without `-m`.</summary>
    public static IReadOnlyDictionary<string, string> OssDefaultModels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ollama"] = "gpt-oss:20b",
        ["lmstudio"] = "openai/gpt-oss-20b",
    };

    /// <summary>`-m/--model`.</summary>
    public string? Model { get; init; }

    /// <summary>`-s/--sandbox` (read-only, workspace-write, danger-full-access).</summary>
    public string? SandboxMode { get; init; }

    /// <summary>`-a/--ask-for-approval`.</summary>
    public string? ApprovalPolicy { get; init; }

    /// <summary>`--search`: web_search = "live".</summary>
    public bool Search { get; init; }

    /// <summary>`--oss`: use a local open-source provider (`--local-provider`, else `oss_provider`, else ollama).</summary>
    public bool Oss { get; init; }

    /// <summary>`--local-provider ollama|lmstudio` (used with `--oss`), or null.</summary>
    public string? LocalProvider { get; init; }

    /// <summary>
    /// Each set flag as (flag text, key path, value). <paramref name="configuredOssProvider"/> is the
    /// `oss_provider` from config, consulted only for `--oss` without `--local-provider`.
    /// </summary>
    public IEnumerable<(string Flag, string Key, string Value)> Entries(string? configuredOssProvider = null)
    {
        var oss = ResolveOssProvider(configuredOssProvider);
        if (Model is not null)
        {
            yield return ("--model", "model", Model);
        }
        else if (Oss && oss is not null && OssDefaultModels.TryGetValue(oss, out var ossModel))
        {
            // Like Codex, --oss without -m replaces the configured model with the provider's default.
            yield return ("--oss", "model", ossModel);
        }
        if (oss is not null)
        {
            yield return (LocalProvider is null ? "--oss" : "--local-provider", "model_provider", oss);
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

    /// <summary>
    /// The provider `--oss` selects: `--local-provider`, else `oss_provider`, else ollama; null without
    /// `--oss` (as in Codex, `--local-provider` alone changes nothing).
    /// </summary>
    public string? ResolveOssProvider(string? configuredOssProvider)
    {
        if (!Oss)
        {
            return null;
        }
        var id = LocalProvider ?? configuredOssProvider ?? "ollama";
        return OssDefaultModels.ContainsKey(id)
            ? id
            : throw new ConfigException(LocalProvider is null ? "oss_provider" : "--local-provider",
                $"unknown local provider `{id}`; use ollama or lmstudio.");
    }
}
