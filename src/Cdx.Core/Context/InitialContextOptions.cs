using Cdx.Config.Model;
using Cdx.Sandbox;

namespace Cdx.Core.Context;

/// <summary>Inputs of the initial context (spec model-protocol.md §3.1).</summary>
public sealed record InitialContextOptions
{
    /// <summary>The session's absolute working directory.</summary>
    public required string Cwd { get; init; }

    /// <summary>The sandbox for model commands.</summary>
    public required SandboxPolicy Sandbox { get; init; }

    /// <summary>The effective approval policy (exec: never, or the requirements fallback).</summary>
    public required ApprovalPolicy Approval { get; init; }

    /// <summary>AGENTS.md discovery settings; null skips AGENTS.md.</summary>
    public AgentsMdOptions? AgentsMd { get; init; }

    /// <summary>`model_instructions_file` contents replacing the base instructions; null uses cdx's own.</summary>
    public string? BaseInstructionsOverride { get; init; }

    /// <summary>`developer_instructions` from config.</summary>
    public string? DeveloperInstructions { get; init; }

    /// <summary>The user's shell (path or name); null uses `$SHELL`, else bash.</summary>
    public string? Shell { get; init; }

    /// <summary>The clock for `current_date` and `timezone`.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Receives AGENTS.md warnings for the human (read errors, invalid UTF-8).</summary>
    public Action<string>? Warn { get; init; }
}
