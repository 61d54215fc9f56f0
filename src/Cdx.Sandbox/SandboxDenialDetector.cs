namespace Cdx.Sandbox;

/// <summary>
/// Guesses whether a failed sandboxed command failed because of the sandbox, from its exit code
/// and output, so the agent can ask to rerun it with escalated permissions.
/// </summary>
public static class SandboxDenialDetector
{
    private static readonly (string Needle, SandboxDenialKind Kind)[] Signs =
    [
        ("read-only file system", SandboxDenialKind.ReadOnlyFileSystem),
        ("erofs", SandboxDenialKind.ReadOnlyFileSystem),
        ("network is unreachable", SandboxDenialKind.Network),
        ("could not resolve host", SandboxDenialKind.Network),
        ("temporary failure in name resolution", SandboxDenialKind.Network),
        ("name or service not known", SandboxDenialKind.Network),
        ("failed to connect", SandboxDenialKind.Network),
        ("couldn't connect to server", SandboxDenialKind.Network),
        ("connection refused", SandboxDenialKind.Network),
        ("socket: operation not permitted", SandboxDenialKind.Network),
        ("operation not permitted", SandboxDenialKind.PermissionDenied),
        ("permission denied", SandboxDenialKind.PermissionDenied),
    ];

    /// <summary>The denial, or null when the command succeeded, was unsandboxed, timed out, or failed for another reason.</summary>
    public static SandboxDenial? Detect(bool sandboxed, int exitCode, bool timedOut, string output)
    {
        if (!sandboxed || exitCode == 0 || timedOut)
        {
            return null;
        }
        foreach (var line in output.Split('\n'))
        {
            var lower = line.ToLowerInvariant();
            foreach (var (needle, kind) in Signs)
            {
                if (lower.Contains(needle, StringComparison.Ordinal))
                {
                    return new SandboxDenial(kind, line.Trim());
                }
            }
        }
        return null;
    }
}
