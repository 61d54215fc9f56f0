namespace Cdx.Governance.Client.Wire;

/// <summary>The body of `GET /v1/clients/whoami`: who an access token acts as.</summary>
public sealed record WhoAmI
{
    /// <summary>User id (the subject of signed requirements).</summary>
    public required string Subject { get; init; }

    /// <summary>The user's email / SCIM userName.</summary>
    public required string Email { get; init; }

    /// <summary>Workspace id.</summary>
    public required string WorkspaceId { get; init; }

    /// <summary>Effective permissions (`use_agent`, `administer`, `create_access_tokens`).</summary>
    public required IReadOnlyList<string> Permissions { get; init; }
}
