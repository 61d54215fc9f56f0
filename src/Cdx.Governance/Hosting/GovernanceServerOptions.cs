namespace Cdx.Governance.Hosting;

/// <summary>How a governance server is started (`cdx governance serve` flags and environment).</summary>
public sealed record GovernanceServerOptions
{
    /// <summary>Listen addresses, `;`-separated (port 0 = any free port).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:8787";

    /// <summary>Directory for the SQLite database (default `$CODEX_HOME/governance`).</summary>
    public required string DataDir { get; init; }

    /// <summary>
    /// `--database`: a PostgreSQL connection string (`Host=...;Database=...`), or a SQLite one
    /// (`Data Source=...`); null = SQLite file `governance.db` in <see cref="DataDir"/>.
    /// </summary>
    public string? Database { get; init; }

    /// <summary>`CDX_GOVERNANCE_BOOTSTRAP_KEY`: the first admin API key to store instead of generating one.</summary>
    public string? BootstrapKey { get; init; }

    /// <summary>How long a signed requirements document (and the client's cache of it) stays valid.</summary>
    public TimeSpan RequirementsTtl { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a device-code login may wait for approval (RFC 8628 `expires_in`).</summary>
    public TimeSpan DeviceCodeLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The polling interval clients are told to keep; faster polls get `slow_down`.</summary>
    public TimeSpan DeviceCodeInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long compliance log records are kept (`--compliance-retention-days`); older closed files are purged hourly.</summary>
    public TimeSpan ComplianceRetention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The clock (tests replace it to close log buckets and move analytics windows).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where the one-time bootstrap credential and the listen address are printed.</summary>
    public TextWriter Output { get; init; } = Console.Out;

    /// <summary>True when <see cref="Database"/> selects PostgreSQL.</summary>
    public bool UsesPostgres => Database is { } d
        && !d.TrimStart().StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase)
        && !d.TrimStart().StartsWith("Filename=", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string handed to the provider.</summary>
    public string ConnectionString => Database ?? $"Data Source={Path.Combine(DataDir, "governance.db")}";
}
