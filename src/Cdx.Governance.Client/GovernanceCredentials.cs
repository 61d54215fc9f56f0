using Cdx.Governance.Client.Wire;

namespace Cdx.Governance.Client;

/// <summary>What `cdx login --server` stores under `cdx_governance` in `$CODEX_HOME/auth.json`.</summary>
public sealed record GovernanceCredentials
{
    /// <summary>Server base URL, without a trailing slash.</summary>
    public required string Server { get; init; }

    /// <summary>The user's access token (a secret: auth.json is written 0600).</summary>
    public required string AccessToken { get; init; }

    /// <summary>User id the token acts as; signed requirements must name it.</summary>
    public required string Subject { get; init; }

    /// <summary>The user's email, for messages.</summary>
    public required string Email { get; init; }

    /// <summary>Workspace id; signed requirements must name it.</summary>
    public required string WorkspaceId { get; init; }

    /// <summary>Signing keys trusted since login (plus keys they endorsed at rotation).</summary>
    public required IReadOnlyList<PublicSigningKey> PinnedKeys { get; init; }

    /// <summary>Unix seconds of the login.</summary>
    public long LoggedInAt { get; init; }
}
