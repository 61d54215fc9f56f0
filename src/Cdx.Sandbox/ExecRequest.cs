namespace Cdx.Sandbox;

/// <summary>One command to run: argv, where, under which policy, with which environment and limits.</summary>
public sealed record ExecRequest
{
    /// <summary>argv; argv[0] is looked up on the child's PATH.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Absolute working directory (also the first writable root in workspace-write).</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The sandbox policy.</summary>
    public required SandboxPolicy Policy { get; init; }

    /// <summary>`shell_environment_policy` applied to <see cref="BaseEnvironment"/>.</summary>
    public EnvironmentPolicy EnvironmentPolicy { get; init; } = EnvironmentPolicy.Default;

    /// <summary>The parent environment; null means this process's environment.</summary>
    public IReadOnlyDictionary<string, string>? BaseEnvironment { get; init; }

    /// <summary>Kill the command and all it started after this long; null waits forever.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Run on a pseudo-terminal instead of pipes.</summary>
    public bool Tty { get; init; }

    /// <summary>Bytes of output retained (head and tail halves); 1 MiB by default.</summary>
    public int OutputCapBytes { get; init; } = HeadTailBuffer.DefaultCapacity;
}
