namespace Cdx.Core.Approvals;

/// <summary>One question for the human: what would run (or be written), where, and why it needs approval.</summary>
public sealed record ApprovalRequest
{
    /// <summary>Command or patch.</summary>
    public required ApprovalKind Kind { get; init; }

    /// <summary>The tool call this belongs to.</summary>
    public required string CallId { get; init; }

    /// <summary>The command's argv (empty for patches).</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>Working directory of the command or patch.</summary>
    public required string Cwd { get; init; }

    /// <summary>The model's justification or the policy's reason, for the prompt text.</summary>
    public string? Reason { get; init; }

    /// <summary>The `prefix_rule` the model proposed for "always allow", if any.</summary>
    public IReadOnlyList<string>? ProposedPrefixRule { get; init; }

    /// <summary>Absolute paths a patch would write (empty for commands).</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>True when approving means running outside the sandbox after a sandbox denial.</summary>
    public bool RetryWithoutSandbox { get; init; }
}
