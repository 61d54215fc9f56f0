namespace Cdx.Testing;

/// <summary>Locations tests need: the checkout, the `./cdx` wrapper, and `../shared`.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The repository root (the folder holding cdx.slnx).</summary>
    public static string Root => RootLazy.Value;

    /// <summary>The `./cdx` wrapper script; it builds the CLI when sources changed.</summary>
    public static string CdxWrapper => Path.Combine(Root, "cdx");

    /// <summary>
    /// The project's shared folder (conformance suites, specs), `../shared` beside the checkout,
    /// or CDX_SHARED_DIR when set. Null when absent, as in a user's own clone.
    /// </summary>
    public static string? SharedDir
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("CDX_SHARED_DIR");
            var candidate = string.IsNullOrEmpty(fromEnv)
                ? Path.GetFullPath(Path.Combine(Root, "..", "shared"))
                : Path.GetFullPath(fromEnv);
            return Directory.Exists(Path.Combine(candidate, "conformance")) ? candidate : null;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "cdx.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException(
            $"cannot find cdx.slnx above {AppContext.BaseDirectory}; run tests from the checkout");
    }
}
