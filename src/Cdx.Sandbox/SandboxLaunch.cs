namespace Cdx.Sandbox;

/// <summary>How one command will be started: the program and argv (bwrap's or the command's own).</summary>
public sealed record SandboxLaunch
{
    /// <summary>Absolute path of the program to exec.</summary>
    public required string Program { get; init; }

    /// <summary>Full argv, argv[0] included.</summary>
    public required IReadOnlyList<string> Argv { get; init; }

    /// <summary>False for danger-full-access: the command runs unwrapped.</summary>
    public required bool Sandboxed { get; init; }

    /// <summary>The seccomp program handed to bwrap on <see cref="SeccompFd"/>; null when unsandboxed.</summary>
    public byte[]? Seccomp { get; init; }

    /// <summary>Writable roots in Codex's order (empty unless workspace-write).</summary>
    public IReadOnlyList<string> WritableRoots { get; init; } = [];

    /// <summary>Protected subpaths and how each is kept read-only.</summary>
    public IReadOnlyList<ProtectedPath> ProtectedPaths { get; init; } = [];

    /// <summary>Descriptor number bwrap reads the seccomp program from.</summary>
    public const int SeccompFd = 3;
}
