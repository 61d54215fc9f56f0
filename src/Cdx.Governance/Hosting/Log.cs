using Microsoft.Extensions.Logging;

namespace Cdx.Governance.Hosting;

/// <summary>Source-generated log messages with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Governance schema ready (version {Version}, provider {Provider})")]
    public static partial void SchemaReady(ILogger logger, int version, string provider);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Policy {PolicyId} saved as version {Version} by {Author}")]
    public static partial void PolicySaved(ILogger logger, string policyId, int version, string author);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Policy assignments replaced: {RuleCount} rules, default {DefaultPolicyId}")]
    public static partial void AssignmentsReplaced(ILogger logger, int ruleCount, string? defaultPolicyId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Access token {TokenId} for user {UserId} created by {Creator}")]
    public static partial void TokenCreated(ILogger logger, string tokenId, string userId, string creator);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Access token {TokenId} revoked by {Actor}")]
    public static partial void TokenRevoked(ILogger logger, string tokenId, string actor);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Signing key rotated; new key {KeyId}")]
    public static partial void KeyRotated(ILogger logger, string keyId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Group {GroupId} deleted; {RuleCount} assignment rules referring to it removed")]
    public static partial void GroupDeleted(ILogger logger, string groupId, int ruleCount);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Device code {UserCode} {Decision} by {Actor}")]
    public static partial void DeviceCodeDecided(ILogger logger, string userCode, string decision, string actor);
}
