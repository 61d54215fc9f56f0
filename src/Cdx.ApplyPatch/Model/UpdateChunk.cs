namespace Cdx.ApplyPatch.Model;

/// <summary>One change chunk of an Update: the lines to find and the lines that replace them.</summary>
/// <param name="ChangeContext">The text after `@@ `, a single line searched for before the chunk; null for a bare `@@`.</param>
/// <param name="OldLines">Context and `-` lines: what must be found in the file.</param>
/// <param name="NewLines">Context and `+` lines: what replaces them.</param>
/// <param name="ContextLines">For each context line, its index in <paramref name="OldLines"/> and in <paramref name="NewLines"/>.</param>
/// <param name="IsEndOfFile">True when the chunk ended with `*** End of File`: it may only match at the end of the file.</param>
public sealed record UpdateChunk(
    string? ChangeContext,
    IReadOnlyList<string> OldLines,
    IReadOnlyList<string> NewLines,
    IReadOnlyList<(int OldIndex, int NewIndex)> ContextLines,
    bool IsEndOfFile);
