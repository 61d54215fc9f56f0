namespace Cdx.Governance.Data;

// Storage rows. Times are Unix seconds (long) so SQLite and PostgreSQL sort and compare them the
// same way; EF's SQLite provider cannot order DateTimeOffset columns.

/// <summary>The single workspace this server governs, with its toggles.</summary>
internal sealed class WorkspaceRow
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public bool AllowAgentUse { get; set; } = true;
    public bool AllowAccessTokens { get; set; } = true;
    public int? TokenMaxExpiryDays { get; set; }
    public bool AllowDeviceCode { get; set; } = true;
    public string? DefaultRoleId { get; set; }
    public string? DefaultPolicyId { get; set; }
    public long CreatedAt { get; set; }
}

/// <summary>An admin API key (bootstrap, automation, SCIM), stored as a SHA-256 hash.</summary>
internal sealed class ApiKeyRow
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    public required string Scopes { get; set; }
    public long CreatedAt { get; set; }
    public long? RevokedAt { get; set; }
}

/// <summary>A person; <see cref="Email"/> is the SCIM userName, stored lower-case.</summary>
internal sealed class UserRow
{
    public required string Id { get; set; }
    public required string Email { get; set; }
    public string? DisplayName { get; set; }
    public string? ExternalId { get; set; }
    public bool Active { get; set; } = true;
    public long CreatedAt { get; set; }
}

/// <summary>A group of users (admin-made or SCIM-synced).</summary>
internal sealed class GroupRow
{
    public required string Id { get; set; }
    public required string DisplayName { get; set; }
    public string? ExternalId { get; set; }
    public long CreatedAt { get; set; }
}

/// <summary>Membership of a user in a group.</summary>
internal sealed class GroupMemberRow
{
    public required string GroupId { get; set; }
    public required string UserId { get; set; }
}

/// <summary>A role: a named set of <see cref="Auth.Permission"/> flags.</summary>
internal sealed class RoleRow
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public int Permissions { get; set; }
}

/// <summary>A role granted to every member of a group.</summary>
internal sealed class GroupRoleRow
{
    public required string GroupId { get; set; }
    public required string RoleId { get; set; }
}

/// <summary>A policy's current state; every saved text is also a <see cref="PolicyVersionRow"/>.</summary>
internal sealed class PolicyRow
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public int Version { get; set; }
    public required string Contents { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
}

/// <summary>One saved text of a policy (versions are kept for audit and rollback).</summary>
internal sealed class PolicyVersionRow
{
    public required string PolicyId { get; set; }
    public int Version { get; set; }
    public required string Contents { get; set; }
    public required string Author { get; set; }
    public long CreatedAt { get; set; }
}

/// <summary>One ordered assignment rule: members of the group get the policy (first match wins).</summary>
internal sealed class PolicyRuleRow
{
    public int Position { get; set; }
    public required string GroupId { get; set; }
    public required string PolicyId { get; set; }
}

/// <summary>A user's access token (agent identity of that user), stored as a SHA-256 hash.</summary>
internal sealed class AccessTokenRow
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    public required string CreatedBy { get; set; }
    public long CreatedAt { get; set; }
    public long? ExpiresAt { get; set; }
    public long? RevokedAt { get; set; }
}

/// <summary>An ECDSA P-256 signing key; retired keys stay so payloads they signed remain verifiable.</summary>
internal sealed class SigningKeyRow
{
    public required string KeyId { get; set; }
    public required byte[] PrivateKey { get; set; }
    public required string X { get; set; }
    public required string Y { get; set; }
    public long CreatedAt { get; set; }
    public long? RetiredAt { get; set; }
    public string? EndorsedBy { get; set; }
    public string? Endorsement { get; set; }
}

/// <summary>The schema version this database was created with (see docs/governance.md, "Schema").</summary>
internal sealed class SchemaInfoRow
{
    public int Id { get; set; }
    public int Version { get; set; }
}

/// <summary>An RFC 8628 device authorization: the device polls with the secret code, a person approves the user code.</summary>
internal sealed class DeviceCodeRow
{
    /// <summary>SHA-256 of the device_code secret.</summary>
    public required string Hash { get; set; }
    /// <summary>The code a person types, normalized (upper case, no dash).</summary>
    public required string UserCode { get; set; }
    /// <summary>`pending`, `approved`, `denied` or `consumed` (token issued).</summary>
    public required string Status { get; set; }
    public string? UserId { get; set; }
    public string? DecidedBy { get; set; }
    public long CreatedAt { get; set; }
    public long ExpiresAt { get; set; }
    /// <summary>Current minimum polling interval in milliseconds (raised by each slow_down).</summary>
    public long IntervalMs { get; set; }
    /// <summary>Unix milliseconds of the last poll, for slow_down.</summary>
    public long LastPollMs { get; set; }
}
