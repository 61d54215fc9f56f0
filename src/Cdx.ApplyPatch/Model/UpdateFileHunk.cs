namespace Cdx.ApplyPatch.Model;

/// <summary>`*** Update File: path`, optionally `*** Move to: dest`, then change chunks.</summary>
/// <param name="Path">The path as written in the patch.</param>
/// <param name="MovePath">The `*** Move to:` destination as written, or null.</param>
/// <param name="Chunks">The change chunks, in file order.</param>
public sealed record UpdateFileHunk(string Path, string? MovePath, IReadOnlyList<UpdateChunk> Chunks) : PatchHunk(Path);
