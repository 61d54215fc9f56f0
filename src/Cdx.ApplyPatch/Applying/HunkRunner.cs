using Cdx.ApplyPatch.Diff;
using Cdx.ApplyPatch.Model;
using Cdx.ApplyPatch.Workspace;

namespace Cdx.ApplyPatch.Applying;

/// <summary>Carries out one hunk against a <see cref="PatchFileStore"/> with Codex's semantics.</summary>
internal sealed class HunkRunner(WorkspacePaths paths, PatchFileStore store, bool computeDiffs)
{
    public FileChange Run(PatchHunk hunk) => hunk switch
    {
        AddFileHunk add => RunAdd(add),
        DeleteFileHunk delete => RunDelete(delete),
        UpdateFileHunk update => RunUpdate(update),
        _ => throw new ArgumentOutOfRangeException(nameof(hunk)),
    };

    private FileChange RunAdd(AddFileHunk add)
    {
        var path = paths.Resolve(add.Path);
        store.Write(path, add.Contents, null);
        return new FileChange(FileChangeKind.Add, add.Path, path.Display, null, null, add.Contents,
            Diff(null, add.Contents, path.Display, path.Display));
    }

    private FileChange RunDelete(DeleteFileHunk delete)
    {
        var path = paths.Resolve(delete.Path, followFinalLink: false);
        string? old = null;
        if (computeDiffs)
        {
            old = store.ReadForDelete(path);
        }
        store.Delete(path, "Failed to delete file");
        return new FileChange(FileChangeKind.Delete, delete.Path, path.Display, null, old, null,
            Diff(old, null, path.Display, path.Display));
    }

    private FileChange RunUpdate(UpdateFileHunk update)
    {
        var path = paths.Resolve(update.Path);
        var original = store.ReadForUpdate(path);
        var updated = UpdateComputer.Apply(original, update.Chunks, path.Display);
        if (update.MovePath is null)
        {
            store.Write(path, updated, path);
            return new FileChange(FileChangeKind.Update, update.Path, path.Display, null, original, updated,
                Diff(original, updated, path.Display, path.Display));
        }
        var dest = paths.Resolve(update.MovePath);
        store.Write(dest, updated, path);
        // Moving a file onto itself keeps it (Codex would delete it right after writing it).
        if (dest.Physical != path.Physical)
        {
            store.Delete(path, "Failed to remove original");
        }
        return new FileChange(FileChangeKind.Update, update.Path, path.Display, dest.Display, original, updated,
            Diff(original, updated, path.Display, dest.Display));
    }

    private string Diff(string? before, string? after, string oldName, string newName) =>
        computeDiffs ? UnifiedDiff.Create(before, after, oldName, newName) : string.Empty;
}
