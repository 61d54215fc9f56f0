namespace Cdx.Sandbox;

/// <summary>Why a failed command looks blocked by the sandbox.</summary>
/// <param name="Kind">What was denied.</param>
/// <param name="Evidence">The output line that gave it away.</param>
public sealed record SandboxDenial(SandboxDenialKind Kind, string Evidence);

/// <summary>Kinds of sandbox denials.</summary>
public enum SandboxDenialKind
{
    /// <summary>A write hit the read-only filesystem.</summary>
    ReadOnlyFileSystem,

    /// <summary>Permission denied / operation not permitted (protected path, blocked syscall).</summary>
    PermissionDenied,

    /// <summary>The network is cut (unreachable, DNS failure, socket refused).</summary>
    Network,
}
