namespace Cdx.ApplyPatch.Model;

/// <summary>`*** Add File: path`: create the file (or overwrite it) with <paramref name="Contents"/>.</summary>
/// <param name="Path">The path as written in the patch.</param>
/// <param name="Contents">Every `+` line without its prefix, each followed by `\n`.</param>
public sealed record AddFileHunk(string Path, string Contents) : PatchHunk(Path);
