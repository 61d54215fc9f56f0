namespace Cdx.Config.Model;

/// <summary>One `[mcp_servers.&lt;name&gt;]` entry; <see cref="Enabled"/> already reflects requirements.</summary>
public sealed record McpServerConfig
{
    /// <summary>The server name (table key).</summary>
    public required string Name { get; init; }
    /// <summary>stdio launcher (selects the stdio transport).</summary>
    public string? Command { get; init; }
    /// <summary>stdio arguments.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];
    /// <summary>Extra environment for a stdio server.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
    /// <summary>Parent environment variables to forward.</summary>
    public IReadOnlyList<string> EnvVars { get; init; } = [];
    /// <summary>Working directory (absolute).</summary>
    public string? Cwd { get; init; }
    /// <summary>Streamable HTTP URL (selects the HTTP transport).</summary>
    public string? Url { get; init; }
    /// <summary>Environment variable with a bearer token.</summary>
    public string? BearerTokenEnvVar { get; init; }
    /// <summary>Static HTTP headers.</summary>
    public IReadOnlyDictionary<string, string> HttpHeaders { get; init; } = new Dictionary<string, string>();
    /// <summary>HTTP header name to environment variable name.</summary>
    public IReadOnlyDictionary<string, string> EnvHttpHeaders { get; init; } = new Dictionary<string, string>();
    /// <summary>False when configured off or disabled by requirements.</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>Why the server is disabled, e.g. "requirements (/etc/codex/requirements.toml)".</summary>
    public string? DisabledReason { get; init; }
    /// <summary>Fail startup when the server cannot initialise.</summary>
    public bool Required { get; init; }
    /// <summary>Initialise + first tools/list timeout.</summary>
    public double StartupTimeoutSec { get; init; } = 10;
    /// <summary>Per tool call timeout.</summary>
    public double ToolTimeoutSec { get; init; } = 60;
    /// <summary>Tool allowlist (null = all).</summary>
    public IReadOnlyList<string>? EnabledTools { get; init; }
    /// <summary>Tools removed after the allowlist.</summary>
    public IReadOnlyList<string> DisabledTools { get; init; } = [];
    /// <summary>OAuth scopes (HTTP).</summary>
    public IReadOnlyList<string>? Scopes { get; init; }
    /// <summary>OAuth resource (HTTP).</summary>
    public string? OauthResource { get; init; }
}
