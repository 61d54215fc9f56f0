using System.Text;
using Cdx.ApplyPatch.Model;

namespace Cdx.ApplyPatch.Applying;

/// <summary>What an applied patch did: one <see cref="FileChange"/> per hunk, and Codex's summary text.</summary>
/// <param name="Changes">The changes in patch order.</param>
/// <param name="Summary">`Success. Updated the following files:` then `A`/`M`/`D` lines, as Codex prints it.</param>
public sealed record PatchResult(IReadOnlyList<FileChange> Changes, string Summary)
{
    /// <summary>Codex's summary for the hunks that were applied: all adds, then updates (by final path), then deletes.</summary>
    public static string Summarise(IEnumerable<PatchHunk> applied)
    {
        var added = new List<string>();
        var modified = new List<string>();
        var deleted = new List<string>();
        foreach (var hunk in applied)
        {
            switch (hunk)
            {
                case AddFileHunk a:
                    added.Add(a.Path);
                    break;
                case DeleteFileHunk d:
                    deleted.Add(d.Path);
                    break;
                case UpdateFileHunk u:
                    modified.Add(u.MovePath ?? u.Path);
                    break;
            }
        }
        var sb = new StringBuilder("Success. Updated the following files:\n");
        added.ForEach(p => sb.Append("A ").Append(p).Append('\n'));
        modified.ForEach(p => sb.Append("M ").Append(p).Append('\n'));
        deleted.ForEach(p => sb.Append("D ").Append(p).Append('\n'));
        return sb.ToString();
    }
}
