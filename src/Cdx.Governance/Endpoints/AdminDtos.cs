namespace Cdx.Governance.Endpoints;

// Request and response bodies of the admin API (snake_case on the wire).

internal sealed record WorkspacePatch(
    string? Name, bool? AllowAgentUse, bool? AllowAccessTokens, int? TokenMaxExpiryDays, bool? AllowDeviceCode, string? DefaultRoleId);

internal sealed record WorkspaceView(
    string Id, string Name, bool AllowAgentUse, bool AllowAccessTokens, int? TokenMaxExpiryDays, bool AllowDeviceCode,
    string? DefaultRoleId, string? DefaultPolicyId);

internal sealed record RoleBody(string? Name, IReadOnlyList<string>? Permissions);

internal sealed record RoleView(string Id, string Name, IReadOnlyList<string> Permissions);

internal sealed record ApiKeyBody(string? Name, IReadOnlyList<string>? Scopes);

internal sealed record ApiKeyView(string Id, string Name, IReadOnlyList<string> Scopes, long CreatedAt, long? RevokedAt, string? Key);

internal sealed record UserBody(string? Email, string? DisplayName);

internal sealed record UserView(string Id, string Email, string? DisplayName, bool Active, IReadOnlyList<string> Groups, IReadOnlyList<string> Permissions);

internal sealed record GroupBody(string? DisplayName);

internal sealed record GroupView(string Id, string DisplayName, IReadOnlyList<string> Members, IReadOnlyList<string> Roles);

internal sealed record PolicyBody(string? Name, string? Contents);

internal sealed record PolicyView(string Id, string Name, int Version, string Contents, long CreatedAt, long UpdatedAt);

internal sealed record PolicyVersionView(int Version, string Contents, string Author, long CreatedAt);

internal sealed record AssignmentRuleBody(string? GroupId, string? PolicyId);

internal sealed record AssignmentsBody(IReadOnlyList<AssignmentRuleBody>? Rules, string? DefaultPolicyId);

internal sealed record AssignmentRuleView(int Index, string GroupId, string GroupName, string PolicyId, string PolicyName);

internal sealed record AssignmentsView(IReadOnlyList<AssignmentRuleView> Rules, string? DefaultPolicyId);

internal sealed record PolicyRef(string Id, string Name, int Version);

internal sealed record GroupRef(string Id, string DisplayName);

internal sealed record LaterMatchView(int RuleIndex, GroupRef Group, PolicyRef Policy);

internal sealed record LookupView(
    string? Email, string? UserId, string? Group, PolicyRef? Policy, string Source, int? RuleIndex, GroupRef? MatchedGroup,
    IReadOnlyList<LaterMatchView> LaterMatches);

internal sealed record TokenBody(string? Name, int? ExpiresInDays);

internal sealed record TokenView(string Id, string Name, string UserId, string UserEmail, string CreatedBy, long CreatedAt, long? ExpiresAt, long? RevokedAt, string? Token);
