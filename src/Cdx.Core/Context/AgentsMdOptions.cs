namespace Cdx.Core.Context;

/// <summary>Where and how AGENTS.md files are found (config keys of spec agents-md.md §8).</summary>
public sealed record AgentsMdOptions
{
    /// <summary>`$CODEX_HOME`, for the global AGENTS.override.md / AGENTS.md.</summary>
    public required string CodexHome { get; init; }

    /// <summary>`project_doc_max_bytes` (0 disables project docs).</summary>
    public long ProjectDocMaxBytes { get; init; } = 32 * 1024;

    /// <summary>`project_doc_fallback_filenames`.</summary>
    public IReadOnlyList<string> FallbackFilenames { get; init; } = [];

    /// <summary>`project_root_markers` (empty: only cwd is searched).</summary>
    public IReadOnlyList<string> RootMarkers { get; init; } = [".git"];
}
