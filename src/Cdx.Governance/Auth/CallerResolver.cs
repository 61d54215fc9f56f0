using Cdx.Governance.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Auth;

/// <summary>Turns the `Authorization: Bearer` header into a <see cref="Caller"/>, once per request.</summary>
internal sealed class CallerResolver(GovernanceDb db, PermissionService permissions, TimeProvider time)
{
    private Caller? _resolved;

    public async Task<Caller> ResolveAsync(HttpContext http)
    {
        return _resolved ??= await ResolveCoreAsync(http);
    }

    private async Task<Caller> ResolveCoreAsync(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Caller.Anonymous;
        }
        var secret = header["Bearer ".Length..].Trim();
        var hash = Secrets.Hash(secret);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var ct = http.RequestAborted;
        if (secret.StartsWith(Secrets.AdminKeyPrefix, StringComparison.Ordinal))
        {
            var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct);
            return key is null
                ? Caller.Anonymous
                : new Caller { ApiKeyId = key.Id, Scopes = key.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries) };
        }
        if (secret.StartsWith(Secrets.AccessTokenPrefix, StringComparison.Ordinal))
        {
            var match = await (from t in db.AccessTokens.AsNoTracking()
                               join u in db.Users on t.UserId equals u.Id
                               where t.Hash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now) && u.Active
                               select new { TokenId = t.Id, UserId = u.Id, u.Email }).FirstOrDefaultAsync(ct);
            return match is null
                ? Caller.Anonymous
                : new Caller
                {
                    UserId = match.UserId,
                    UserEmail = match.Email,
                    AccessTokenId = match.TokenId,
                    Permissions = await permissions.EffectiveAsync(match.UserId, ct),
                };
        }
        return Caller.Anonymous;
    }
}
