namespace Cdx.Sandbox;

/// <summary>What a finished command did.</summary>
public sealed record ExecResult
{
    /// <summary>Exit status; 128+N when killed by signal N; 124 when the timeout killed it.</summary>
    public required int ExitCode { get; init; }

    /// <summary>stdout and stderr interleaved, with a `... N bytes omitted ...` line when over the cap.</summary>
    public required string Output { get; init; }

    /// <summary>True when the timeout fired and the whole tree was killed.</summary>
    public required bool TimedOut { get; init; }

    /// <summary>Wall time from spawn to completion.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Every byte produced, retained or not.</summary>
    public required long TotalOutputBytes { get; init; }

    /// <summary>Bytes dropped by the cap.</summary>
    public required long OmittedBytes { get; init; }

    /// <summary>Set when the failure looks caused by the sandbox, so the agent can offer escalation.</summary>
    public SandboxDenial? Denial { get; init; }

    /// <summary>Exit code Codex reports for a timed-out command.</summary>
    public const int TimeoutExitCode = 124;
}
