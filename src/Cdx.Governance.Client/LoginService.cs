namespace Cdx.Governance.Client;

/// <summary>`cdx login --server URL --with-access-token`, `cdx logout`: check the token, pin the keys, store the login.</summary>
public static class LoginService
{
    /// <summary>Validates <paramref name="token"/> against <paramref name="server"/>, pins its signing keys and writes auth.json.</summary>
    public static async Task<GovernanceCredentials> LoginWithAccessTokenAsync(string codexHome, string server, string token, CancellationToken ct)
    {
        token = token.Trim();
        if (token.Length == 0)
        {
            throw new GovernanceClientException("no access token on standard input; pipe it in, e.g. `printf '%s' \"$TOKEN\" | cdx login --server URL --with-access-token`.");
        }
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            throw new GovernanceClientException($"--server `{server}` is not an http(s) URL; pass the governance server's address, e.g. https://governance.example.com.");
        }
        var api = new GovernanceApi(server);
        var who = await api.WhoAmIAsync(token, ct);
        var keys = await api.KeysAsync(ct);
        if (keys.WorkspaceId != who.WorkspaceId || keys.Keys.Count == 0)
        {
            throw new GovernanceClientException($"{server} published no signing keys for workspace {who.WorkspaceId}; the server is misconfigured, ask its admin.");
        }
        var login = new GovernanceCredentials
        {
            Server = server.TrimEnd('/'),
            AccessToken = token,
            Subject = who.Subject,
            Email = who.Email,
            WorkspaceId = who.WorkspaceId,
            PinnedKeys = keys.Keys,
            LoggedInAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        AuthFile.Write(codexHome, login);
        RequirementsCache.Delete(codexHome); // a cache from an earlier login must not survive a change of identity
        return login;
    }

    /// <summary>Removes the governance login and its cache; returns false when there was none.</summary>
    public static bool Logout(string codexHome)
    {
        var had = AuthFile.Read(codexHome) is not null;
        if (had)
        {
            AuthFile.Write(codexHome, null);
        }
        RequirementsCache.Delete(codexHome);
        return had;
    }
}
