using System.Text.Json.Serialization;

namespace Cdx.Protocol.Rollout;

/// <summary>Git facts about the working directory, each optional.</summary>
public sealed record GitInfo
{
    /// <summary>HEAD commit.</summary>
    [JsonPropertyName("commit_hash"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CommitHash { get; init; }

    /// <summary>Current branch.</summary>
    [JsonPropertyName("branch"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Branch { get; init; }

    /// <summary>URL of the `origin` remote.</summary>
    [JsonPropertyName("repository_url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RepositoryUrl { get; init; }
}

/// <summary>Payload of the `session_meta` record (upstream field set plus `git`).</summary>
public sealed record SessionMeta
{
    /// <summary>Thread id (UUID v7).</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Session start, UTC RFC 3339 with milliseconds.</summary>
    [JsonPropertyName("timestamp")]
    public required string Timestamp { get; init; }

    /// <summary>Working directory.</summary>
    [JsonPropertyName("cwd")]
    public required string Cwd { get; init; }

    /// <summary>`codex_exec` for exec runs (kept for tools that read Codex rollouts).</summary>
    [JsonPropertyName("originator")]
    public required string Originator { get; init; }

    /// <summary>cdx version.</summary>
    [JsonPropertyName("cli_version")]
    public required string CliVersion { get; init; }

    /// <summary>User instructions (AGENTS.md text) or null.</summary>
    [JsonPropertyName("instructions")]
    public string? Instructions { get; init; }

    /// <summary>`exec`, `cli`, ...</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    /// <summary>Provider id.</summary>
    [JsonPropertyName("model_provider")]
    public string? ModelProvider { get; init; }

    /// <summary>Git facts; omitted outside a repository.</summary>
    [JsonPropertyName("git"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GitInfo? Git { get; init; }
}
