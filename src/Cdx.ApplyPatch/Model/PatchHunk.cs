namespace Cdx.ApplyPatch.Model;

/// <summary>One file operation of a patch (`*** Add File`, `*** Delete File` or `*** Update File`).</summary>
/// <param name="Path">The path exactly as written in the patch (relative or absolute).</param>
public abstract record PatchHunk(string Path);
