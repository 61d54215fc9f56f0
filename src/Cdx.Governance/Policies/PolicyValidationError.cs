namespace Cdx.Governance.Policies;

/// <summary>Why a policy text was refused: the `line:col` in the submitted text (when known) and the reason.</summary>
public sealed record PolicyValidationError(int? Line, int? Column, string Reason)
{
    /// <summary>`line:col: reason`, or just the reason when the error has no single place.</summary>
    public override string ToString() => Line is { } l ? $"{l}:{Column}: {Reason}" : Reason;
}
