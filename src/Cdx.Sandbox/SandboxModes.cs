namespace Cdx.Sandbox;

/// <summary>Converts sandbox modes to and from the names used in config.toml and on the command line.</summary>
public static class SandboxModes
{
    /// <summary>The accepted names, in the order Codex documents them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["read-only", "workspace-write", "danger-full-access"];

    /// <summary>Parses a mode name; returns false for anything else.</summary>
    public static bool TryParse(string? text, out SandboxMode mode)
    {
        switch (text)
        {
            case "read-only":
                mode = SandboxMode.ReadOnly;
                return true;
            case "workspace-write":
                mode = SandboxMode.WorkspaceWrite;
                return true;
            case "danger-full-access":
                mode = SandboxMode.DangerFullAccess;
                return true;
            default:
                mode = SandboxMode.ReadOnly;
                return false;
        }
    }

    /// <summary>The config name of <paramref name="mode"/>.</summary>
    public static string ToName(this SandboxMode mode) => mode switch
    {
        SandboxMode.ReadOnly => "read-only",
        SandboxMode.WorkspaceWrite => "workspace-write",
        _ => "danger-full-access",
    };
}
