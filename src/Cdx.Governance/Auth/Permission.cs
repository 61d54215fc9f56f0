namespace Cdx.Governance.Auth;

/// <summary>What a role grants; a user's effective permissions are the union over all their roles.</summary>
[Flags]
public enum Permission
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>Use the agent (fetch requirements); without it clients get 403.</summary>
    UseAgent = 1,
    /// <summary>Administer the workspace: policies, assignments, identity, every token.</summary>
    Administer = 2,
    /// <summary>Create access tokens for one's own identity.</summary>
    CreateAccessTokens = 4,
}
