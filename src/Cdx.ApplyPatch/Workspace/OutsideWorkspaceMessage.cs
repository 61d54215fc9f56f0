namespace Cdx.ApplyPatch.Workspace;

/// <summary>The refusal text for patch paths that leave the working directory.</summary>
public static class OutsideWorkspaceMessage
{
    /// <summary>One sentence per path: which path, where it leads, and the way out.</summary>
    public static string For(IReadOnlyList<ResolvedPath> outside, string workingDirectory)
    {
        var lines = outside.Select(p => p.Physical == p.Display || p.Physical == Path.GetFullPath(p.Display)
            ? $"Refusing to apply patch: '{p.Raw}' is outside the working directory {workingDirectory}; nothing was written. Use a path inside {workingDirectory}, or run apply_patch from a directory that contains the file."
            : $"Refusing to apply patch: '{p.Raw}' resolves to {p.Physical}, outside the working directory {workingDirectory}; nothing was written. Use a path inside {workingDirectory}, or run apply_patch from a directory that contains the file.");
        return string.Join('\n', lines.Distinct());
    }
}
