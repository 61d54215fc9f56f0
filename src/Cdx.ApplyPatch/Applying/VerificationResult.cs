namespace Cdx.ApplyPatch.Applying;

/// <summary>The outcome of <see cref="PatchVerifier.Verify"/>: a verified patch, or the error for the model.</summary>
/// <param name="Patch">The verified patch; null when verification failed.</param>
/// <param name="Error">Codex's message (`invalid hunk at line 3, ...`, `Failed to find expected lines in ...`); null on success.</param>
public sealed record VerificationResult(VerifiedPatch? Patch, string? Error)
{
    /// <summary>True when the patch can be applied.</summary>
    public bool IsSuccess => Patch is not null;
}
