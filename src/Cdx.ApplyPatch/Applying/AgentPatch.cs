using Cdx.ApplyPatch.Model;
using Cdx.ApplyPatch.Parsing;
using Cdx.ApplyPatch.Workspace;

namespace Cdx.ApplyPatch.Applying;

/// <summary>
/// The agent's entry points: <see cref="Inspect"/> (which paths, and may we write them? — for approvals)
/// and <see cref="Apply"/> (verify the whole patch, then write; a failing patch changes nothing).
/// </summary>
public static class AgentPatch
{
    /// <summary>
    /// Parses <paramref name="patchText"/> and lists every path it would write or delete, each marked
    /// writable when it resolves (symlinks followed) under <paramref name="workingDirectory"/> or one of
    /// <paramref name="writableRoots"/>. Reads no file contents.
    /// </summary>
    public static PatchInspection Inspect(string patchText, string workingDirectory, IReadOnlyList<string>? writableRoots = null)
    {
        ArgumentNullException.ThrowIfNull(patchText);
        var patch = PatchParser.TryParse(patchText, out var parseError);
        if (patch is null)
        {
            return new PatchInspection(null, VerificationFailed(parseError!.ToolMessage), []);
        }
        if (patch.Hunks.Count == 0)
        {
            return new PatchInspection(patch, EmptyPatch, []);
        }
        var paths = new WorkspacePaths(workingDirectory);
        var roots = Roots(paths, writableRoots);
        var touched = new List<TouchedPath>();
        foreach (var hunk in patch.Hunks)
        {
            var kind = hunk switch
            {
                AddFileHunk => FileChangeKind.Add,
                DeleteFileHunk => FileChangeKind.Delete,
                _ => FileChangeKind.Update,
            };
            touched.Add(Touched(paths.Resolve(hunk.Path, followFinalLink: kind != FileChangeKind.Delete), kind, false, roots));
            if (hunk is UpdateFileHunk { MovePath: { } move })
            {
                touched.Add(Touched(paths.Resolve(move), kind, true, roots));
            }
        }
        return new PatchInspection(patch, null, touched);
    }

    /// <summary>
    /// Verifies <paramref name="patchText"/> against the files in <paramref name="workingDirectory"/> and, when
    /// every hunk applies, writes the result. Paths outside the working directory and
    /// <paramref name="writableRoots"/> are refused (nothing written) unless <paramref name="approved"/>.
    /// Returns the per-file changes with unified diffs and Codex's summary, or the message for the model.
    /// </summary>
    public static AgentPatchOutcome Apply(string patchText, string workingDirectory, IReadOnlyList<string>? writableRoots = null, bool approved = false)
    {
        var inspection = Inspect(patchText, workingDirectory, writableRoots);
        if (inspection.Error is { } error)
        {
            return new AgentPatchOutcome(null, error);
        }
        if (!approved && !inspection.IsWritable)
        {
            var outside = inspection.Paths.Where(p => !p.IsWritable).Select(p => p.Resolved).ToList();
            return new AgentPatchOutcome(null, OutsideWorkspaceMessage.For(outside, Path.GetFullPath(workingDirectory)));
        }
        var verified = PatchVerifier.Verify(inspection.Patch!, workingDirectory);
        if (!verified.IsSuccess)
        {
            return new AgentPatchOutcome(null, VerificationFailed(verified.Error!));
        }
        try
        {
            return new AgentPatchOutcome(PatchApplier.Apply(verified.Patch!, allowOutsideWorkspace: true), null);
        }
        catch (Exception ex) when (ex is PatchApplyException or IOException or UnauthorizedAccessException)
        {
            return new AgentPatchOutcome(null, ex.Message);
        }
    }

    private const string EmptyPatch = "patch rejected: empty patch";

    private static string VerificationFailed(string error) =>
        error == EmptyPatch ? error : "apply_patch verification failed: " + error;

    private static List<string> Roots(WorkspacePaths paths, IReadOnlyList<string>? writableRoots)
    {
        var roots = new List<string> { paths.Root };
        foreach (var root in writableRoots ?? [])
        {
            var absolute = Path.IsPathRooted(root) ? root : Path.Join(paths.WorkingDirectory, root);
            roots.Add(new WorkspacePaths(absolute).Root);
        }
        return roots;
    }

    private static TouchedPath Touched(ResolvedPath resolved, FileChangeKind kind, bool isMoveDestination, List<string> roots) =>
        new(kind, resolved, isMoveDestination, roots.Any(r => WorkspacePaths.IsUnder(resolved.Physical, r)));
}

/// <summary>One path a patch writes or deletes.</summary>
/// <param name="Kind">What the hunk does (an Update's move destination is also <see cref="FileChangeKind.Update"/>).</param>
/// <param name="Resolved">The path as written, as Codex names it, and where it really leads.</param>
/// <param name="IsMoveDestination">True for the `*** Move to:` path of an Update.</param>
/// <param name="IsWritable">True when it leads under the working directory or a writable root.</param>
public sealed record TouchedPath(FileChangeKind Kind, ResolvedPath Resolved, bool IsMoveDestination, bool IsWritable);

/// <summary>What <see cref="AgentPatch.Inspect"/> found: the parsed patch and its paths, or the error for the model.</summary>
/// <param name="Patch">The parsed patch (null when it does not parse).</param>
/// <param name="Error">`apply_patch verification failed: …` or `patch rejected: empty patch`; null when the patch parsed.</param>
/// <param name="Paths">Every target and move destination, in patch order.</param>
public sealed record PatchInspection(Patch? Patch, string? Error, IReadOnlyList<TouchedPath> Paths)
{
    /// <summary>True when the patch parsed and every path may be written without asking.</summary>
    public bool IsWritable => Error is null && Paths.All(p => p.IsWritable);
}

/// <summary>What <see cref="AgentPatch.Apply"/> did: the applied changes, or the message for the model (nothing written).</summary>
/// <param name="Result">Per-file changes with unified diffs and Codex's summary; null on failure.</param>
/// <param name="Error">Why nothing was applied, worded for the model; null on success.</param>
public sealed record AgentPatchOutcome(PatchResult? Result, string? Error)
{
    /// <summary>True when the patch was applied.</summary>
    public bool IsSuccess => Result is not null;

    /// <summary>The text the model sees: Codex's summary on success, else the error.</summary>
    public string ModelOutput => Result?.Summary ?? Error!;
}
