using Cdx.ApplyPatch.Workspace;

namespace Cdx.ApplyPatch.Applying;

/// <summary>
/// Records a patch's effects in memory over the real files, so a whole patch can be checked
/// (later hunks see earlier ones) before anything is written.
/// </summary>
internal sealed class OverlayFileStore : PatchFileStore
{
    private readonly DiskFileStore _disk = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The final state of every touched path, in first-touched order (null contents: deleted).</summary>
    public List<(ResolvedPath Path, string? Contents, ResolvedPath? ModeFrom)> Operations { get; } = [];

    public override string ReadForUpdate(ResolvedPath path)
    {
        if (_entries.TryGetValue(path.Physical, out var e))
        {
            return e.Contents ?? throw new PatchApplyException(
                $"Failed to read file to update {path.Display}: No such file or directory (os error 2)", path.Display);
        }
        return _disk.ReadForUpdate(path);
    }

    public override string? ReadForDelete(ResolvedPath path)
    {
        if (_entries.TryGetValue(path.Physical, out var e))
        {
            return e.Contents ?? throw new PatchApplyException(
                $"Failed to read {path.Display}: No such file or directory (os error 2)", path.Display);
        }
        return _disk.ReadForDelete(path);
    }

    public override void Write(ResolvedPath path, string contents, ResolvedPath? modeFrom)
    {
        if (Directory.Exists(path.Physical) && !_entries.ContainsKey(path.Physical))
        {
            throw new PatchApplyException($"Failed to write file {path.Display}", path.Display);
        }
        CheckParents(path);
        Record(path, contents, modeFrom);
    }

    public override void Delete(ResolvedPath path, string context)
    {
        if (_entries.TryGetValue(path.Physical, out var e) ? e.Contents is null : !DiskFileStore.IsLink(path.Physical) && !File.Exists(path.Physical))
        {
            throw new PatchApplyException($"{context} {path.Display}", path.Display);
        }
        Record(path, null, null);
    }

    private void Record(ResolvedPath path, string? contents, ResolvedPath? modeFrom)
    {
        if (_entries.TryGetValue(path.Physical, out var existing))
        {
            Operations[existing.Index] = (path, contents, modeFrom ?? Operations[existing.Index].ModeFrom);
            _entries[path.Physical] = existing with { Contents = contents };
            return;
        }
        _entries[path.Physical] = new Entry(contents, Operations.Count);
        Operations.Add((path, contents, modeFrom));
    }

    // A parent that exists as a regular file (on disk or in the overlay) makes the write fail.
    private void CheckParents(ResolvedPath path)
    {
        for (var dir = Path.GetDirectoryName(path.Physical); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            var isFile = _entries.TryGetValue(dir, out var e) ? e.Contents is not null : File.Exists(dir);
            if (isFile)
            {
                throw new PatchApplyException($"Failed to write file {path.Display}", path.Display);
            }
        }
    }

    private sealed record Entry(string? Contents, int Index);
}
