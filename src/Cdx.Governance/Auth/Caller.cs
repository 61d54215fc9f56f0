namespace Cdx.Governance.Auth;

/// <summary>Who made a request: nobody, an admin API key (with scopes), or a user through an access token.</summary>
internal sealed record Caller
{
    public static Caller Anonymous { get; } = new();

    public string? ApiKeyId { get; init; }
    public IReadOnlyList<string> Scopes { get; init; } = [];
    public string? UserId { get; init; }
    public string? UserEmail { get; init; }
    public string? AccessTokenId { get; init; }
    public Permission Permissions { get; init; }

    public bool IsAnonymous => ApiKeyId is null && UserId is null;

    /// <summary>Admin API keys with the `admin` scope and users holding `administer` may administer.</summary>
    public bool IsAdmin => Scopes.Contains("admin") || Permissions.HasFlag(Permission.Administer);

    /// <summary>The name recorded as author / creator.</summary>
    public string Name => UserEmail ?? (ApiKeyId is null ? "anonymous" : $"api-key:{ApiKeyId}");
}
