namespace Cdx.ApplyPatch.Model;

/// <summary>`*** Delete File: path`: remove a regular file.</summary>
/// <param name="Path">The path as written in the patch.</param>
public sealed record DeleteFileHunk(string Path) : PatchHunk(Path);
