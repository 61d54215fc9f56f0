namespace Cdx.Sandbox;

/// <summary>Finds the bubblewrap binary, preferring system locations over `$PATH`.</summary>
public static class BwrapLocator
{
    /// <summary>How to get bwrap, for error messages.</summary>
    public const string InstallHint =
        "install bubblewrap (`apt-get install bubblewrap` on Debian/Ubuntu, `dnf install bubblewrap` on Fedora); " +
        "inside a container that cannot create user namespaces, either allow them (e.g. Docker `--security-opt seccomp=unconfined --security-opt apparmor=unconfined`) " +
        "or make the container itself the sandbox and run with `-s danger-full-access`";

    /// <summary>The bwrap path, or throws a <see cref="SandboxException"/> that says how to install it.</summary>
    public static string Locate() => Locate(
        Environment.GetEnvironmentVariable("CDX_BWRAP"),
        ["/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap"],
        Environment.GetEnvironmentVariable("PATH"));

    /// <summary>Looks in <paramref name="overridePath"/> (CDX_BWRAP), then <paramref name="fixedPaths"/>, then <paramref name="searchPath"/>.</summary>
    internal static string Locate(string? overridePath, IReadOnlyList<string> fixedPaths, string? searchPath)
    {
        if (!string.IsNullOrEmpty(overridePath))
        {
            return File.Exists(overridePath)
                ? overridePath
                : throw new SandboxException($"CDX_BWRAP names {overridePath}, which does not exist; fix the path or unset CDX_BWRAP.");
        }
        foreach (var p in fixedPaths)
        {
            if (File.Exists(p))
            {
                return p;
            }
        }
        var fromPath = ExecutableSearch.Find("bwrap", searchPath);
        return fromPath ?? throw new SandboxException(
            $"the sandbox needs bubblewrap (bwrap), which is not installed, and cdx never runs commands unsandboxed in its place; {InstallHint}.");
    }
}
