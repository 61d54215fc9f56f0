namespace Cdx.ApplyPatch.Applying;

/// <summary>Writes a file by writing a sibling temp file and renaming it over the target.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="bytes"/>. The new file gets the mode of
    /// <paramref name="modeFrom"/> (usually the file being replaced) when that exists.
    /// </summary>
    public static void Write(string path, byte[] bytes, string? modeFrom)
    {
        if (Directory.Exists(path))
        {
            throw new IOException("Is a directory (os error 21)");
        }
        var dir = Path.GetDirectoryName(path) ?? "/";
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.cdx-{Environment.ProcessId}-{Random.Shared.NextInt64():x16}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                stream.Write(bytes);
            }
            var mode = ModeOf(modeFrom) ?? ModeOf(path);
            if (mode is { } m && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, m);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static UnixFileMode? ModeOf(string? path)
    {
        if (path is null || OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return null;
        }
        try
        {
            return File.GetUnixFileMode(path);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
