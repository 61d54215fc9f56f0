namespace Cdx.Governance.Client.Telemetry;

/// <summary>The machine and directory an agent ran in (becomes a `codex_environments` row).</summary>
public sealed record TelemetryEnvironment
{
    /// <summary>A stable per-machine id (not the hostname, which may change).</summary>
    public string? MachineId { get; init; }

    /// <summary>Hostname at the time.</summary>
    public string? Hostname { get; init; }

    /// <summary>Operating system, e.g. `linux`.</summary>
    public string? Os { get; init; }

    /// <summary>Working directory of the session.</summary>
    public string? Cwd { get; init; }

    /// <summary>The git remote of the working directory's repository, when there is one.</summary>
    public string? GitRemote { get; init; }
}
