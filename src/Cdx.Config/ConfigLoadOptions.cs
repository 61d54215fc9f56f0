namespace Cdx.Config;

/// <summary>Everything that decides which configuration is loaded: directories, flags, overrides.</summary>
public sealed record ConfigLoadOptions
{
    /// <summary>`$CODEX_HOME` (default `~/.codex`).</summary>
    public required string CodexHome { get; init; }

    /// <summary>Working directory (`-C/--cd`), used for project discovery and trust.</summary>
    public required string Cwd { get; init; }

    /// <summary>System config directory (`CDX_SYSTEM_CONFIG_DIR`, default `/etc/codex`).</summary>
    public string SystemConfigDir { get; init; } = "/etc/codex";

    /// <summary>Raw `-c key=value` arguments in command-line order.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>`--profile NAME`, or null.</summary>
    public string? Profile { get; init; }

    /// <summary>`--enable FEATURE` arguments.</summary>
    public IReadOnlyList<string> Enable { get; init; } = [];

    /// <summary>`--disable FEATURE` arguments.</summary>
    public IReadOnlyList<string> Disable { get; init; } = [];

    /// <summary>Values of dedicated flags (`--model`, `--sandbox`, ...); they beat `-c`.</summary>
    public DedicatedFlags Flags { get; init; } = new();

    /// <summary>Cloud requirements (the governance client plugs in here); none by default.</summary>
    public Requirements.ICloudRequirementsSource? CloudRequirements { get; init; }

    /// <summary>Host name used for `remote_sandbox_config` matching (default: this machine's name).</summary>
    public string? HostName { get; init; }

    /// <summary>Options from the process environment: CODEX_HOME, CDX_SYSTEM_CONFIG_DIR and the current directory.</summary>
    public static ConfigLoadOptions FromEnvironment(string? cwd = null)
    {
        var home = Environment.GetEnvironmentVariable("CODEX_HOME");
        if (string.IsNullOrWhiteSpace(home))
        {
            home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".codex");
        }
        var sys = Environment.GetEnvironmentVariable("CDX_SYSTEM_CONFIG_DIR");
        return new ConfigLoadOptions
        {
            CodexHome = Path.GetFullPath(home),
            Cwd = Path.GetFullPath(cwd ?? Environment.CurrentDirectory),
            SystemConfigDir = string.IsNullOrWhiteSpace(sys) ? "/etc/codex" : Path.GetFullPath(sys),
        };
    }
}
