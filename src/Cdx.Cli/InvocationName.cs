namespace Cdx.Cli;

/// <summary>
/// Lets the `cdx` binary act as another program when started under that name (a symlink named
/// `apply_patch` behaves like `cdx apply-patch`, as Codex's binary does).
/// </summary>
public static class InvocationName
{
    /// <summary>The arguments to parse, given the program name the process was started as.</summary>
    public static string[] Rewrite(string? argv0, string[] args)
    {
        var name = argv0 is null ? string.Empty : Path.GetFileName(argv0);
        return name is "apply_patch" or "applypatch" ? ["apply-patch", .. args] : args;
    }

    /// <summary>
    /// The name the process was started as: the first NUL-separated entry of /proc/self/cmdline
    /// (in .NET, Environment.GetCommandLineArgs()[0] is the dll path, not argv[0]). Null when unknown.
    /// </summary>
    public static string? ReadArgv0()
    {
        try
        {
            var bytes = File.ReadAllBytes("/proc/self/cmdline");
            var end = bytes.AsSpan().IndexOf((byte)0);
            return System.Text.Encoding.UTF8.GetString(bytes, 0, end < 0 ? bytes.Length : end);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
