namespace Cdx.ApplyPatch.Model;

/// <summary>A parsed apply_patch envelope: the file operations in patch order.</summary>
/// <param name="Hunks">Add, Delete and Update operations, in the order the patch lists them.</param>
/// <param name="Text">The patch text between (and including) the Begin/End markers, heredoc wrapper removed.</param>
public sealed record Patch(IReadOnlyList<PatchHunk> Hunks, string Text)
{
    /// <summary>The optional `*** Environment ID:` value given right after `*** Begin Patch`.</summary>
    public string? EnvironmentId { get; init; }
}
