using Cdx.ApplyPatch.Workspace;

namespace Cdx.ApplyPatch.Applying;

/// <summary>Applies file operations to the real file system, each write atomic.</summary>
internal sealed class DiskFileStore : PatchFileStore
{
    public override string ReadForUpdate(ResolvedPath path)
    {
        try
        {
            if (Directory.Exists(path.Physical))
            {
                throw new PatchApplyException(
                    $"Failed to read file to update {path.Display}: path `{path.Display}` is not a file", path.Display);
            }
            return DecodeStrict(File.ReadAllBytes(path.Physical));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidUtf8Exception)
        {
            throw new PatchApplyException($"Failed to read file to update {path.Display}: {DescribeReadError(ex)}", path.Display, ex);
        }
    }

    public override string? ReadForDelete(ResolvedPath path)
    {
        try
        {
            if (Directory.Exists(path.Physical) && new FileInfo(path.Physical).LinkTarget is null)
            {
                throw new IOException("Is a directory (os error 21)");
            }
            var bytes = File.ReadAllBytes(path.Physical);
            try
            {
                return DecodeStrict(bytes);
            }
            catch (InvalidUtf8Exception)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (IsLink(path.Physical))
            {
                return null; // a dangling or directory symlink: deleting removes only the link
            }
            throw new PatchApplyException($"Failed to read {path.Display}: {DescribeReadError(ex)}", path.Display, ex);
        }
    }

    public override void Write(ResolvedPath path, string contents, ResolvedPath? modeFrom)
    {
        var parent = Path.GetDirectoryName(path.Physical);
        if (!string.IsNullOrEmpty(parent))
        {
            try
            {
                Directory.CreateDirectory(parent);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Codex reports a parent it cannot create (e.g. a regular file in the way) as a failed write.
                throw new PatchApplyException($"Failed to write file {path.Display}", path.Display, ex);
            }
        }
        try
        {
            AtomicFile.Write(path.Physical, Encode(contents), modeFrom?.Physical);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PatchApplyException($"Failed to write file {path.Display}", path.Display, ex);
        }
    }

    public override void Delete(ResolvedPath path, string context)
    {
        var p = path.Physical;
        // File.Delete is silent for a missing file and refuses directories differently per OS: check first.
        if (!IsLink(p) && !File.Exists(p))
        {
            throw new PatchApplyException($"{context} {path.Display}", path.Display);
        }
        try
        {
            File.Delete(p);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PatchApplyException($"{context} {path.Display}", path.Display, ex);
        }
    }

    internal static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
