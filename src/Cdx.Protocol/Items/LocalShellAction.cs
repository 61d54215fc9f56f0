namespace Cdx.Protocol.Items;

/// <summary>The `exec` action of a `local_shell_call`: argv and its options.</summary>
public sealed record LocalShellAction
{
    /// <summary>The argv to run.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Timeout in milliseconds, or null.</summary>
    public long? TimeoutMs { get; init; }

    /// <summary>Working directory, or null for the session cwd.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Extra environment, or null.</summary>
    public IReadOnlyDictionary<string, string>? Env { get; init; }

    /// <summary>User to run as, or null.</summary>
    public string? User { get; init; }
}
