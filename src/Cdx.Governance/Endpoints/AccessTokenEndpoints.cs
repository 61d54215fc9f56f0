using Cdx.Governance.Auth;
using Cdx.Governance.Data;
using Cdx.Governance.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cdx.Governance.Endpoints;

/// <summary>
/// Access tokens with the permission matrix of spec §6: holders of create_access_tokens create,
/// list and revoke their own; admins list and revoke all. Admin API keys (which have no user
/// identity) mint a user's first token through /v1/admin/users/{id}/access-tokens.
/// </summary>
internal static class AccessTokenEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var user = app.MapGroup("/v1/access-tokens").AddEndpointFilterFactory(Require.User);
        user.MapPost("", async (TokenBody body, HttpContext http, CallerResolver callers, GovernanceDb db, TimeProvider time, ILogger<AccessTokenRow> logger, CancellationToken ct) =>
        {
            var caller = await callers.ResolveAsync(http);
            if (!caller.Permissions.HasFlag(Permission.CreateAccessTokens) && !caller.IsAdmin)
            {
                return Problems.Forbidden("You do not have the create_access_tokens permission; ask a workspace admin to grant it through a role.");
            }
            return await CreateAsync(caller.UserId!, caller.Name, body, db, time, logger, ct);
        });
        user.MapGet("", async (HttpContext http, CallerResolver callers, GovernanceDb db, CancellationToken ct) =>
        {
            var caller = await callers.ResolveAsync(http);
            if (!caller.Permissions.HasFlag(Permission.CreateAccessTokens) && !caller.IsAdmin)
            {
                return Problems.Forbidden("You do not have the create_access_tokens permission; ask a workspace admin to grant it through a role.");
            }
            return (IResult)TypedResults.Ok(await ListAsync(db, caller.IsAdmin ? null : caller.UserId, ct));
        });
        user.MapDelete("/{id}", async (string id, HttpContext http, CallerResolver callers, GovernanceDb db, TimeProvider time, ILogger<AccessTokenRow> logger, CancellationToken ct) =>
        {
            var caller = await callers.ResolveAsync(http);
            var token = await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
            var mayRevoke = caller.IsAdmin || (token?.UserId == caller.UserId && caller.Permissions.HasFlag(Permission.CreateAccessTokens));
            if (token is null || !mayRevoke)
            {
                // Same answer for "absent" and "someone else's" so tokens of others cannot be probed.
                return Problems.NotFound("access token of yours", id);
            }
            return await RevokeAsync(token, caller.Name, db, time, logger, ct);
        });

        var admin = app.MapGroup("/v1/admin").AddEndpointFilterFactory(Require.Admin);
        admin.MapPost("/users/{id}/access-tokens", async (string id, TokenBody body, HttpContext http, CallerResolver callers, GovernanceDb db, TimeProvider time,
            ILogger<AccessTokenRow> logger, CancellationToken ct) =>
        {
            if (!await db.Users.AnyAsync(u => u.Id == id, ct))
            {
                return Problems.NotFound("user", id);
            }
            return await CreateAsync(id, (await callers.ResolveAsync(http)).Name, body, db, time, logger, ct);
        });
        admin.MapGet("/access-tokens", async (GovernanceDb db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, null, ct)));
        admin.MapDelete("/access-tokens/{id}", async (string id, HttpContext http, CallerResolver callers, GovernanceDb db, TimeProvider time, ILogger<AccessTokenRow> logger, CancellationToken ct) =>
            await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == id, ct) is { } token
                ? await RevokeAsync(token, (await callers.ResolveAsync(http)).Name, db, time, logger, ct)
                : Problems.NotFound("access token", id));
    }

    private static async Task<IResult> CreateAsync(string userId, string creator, TokenBody body, GovernanceDb db, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(ct);
        if (!workspace.AllowAccessTokens)
        {
            return Problems.Forbidden("Access tokens are turned off for this workspace; an admin can enable allow_access_tokens in /v1/admin/workspace.");
        }
        if (body.ExpiresInDays is < 1)
        {
            return Problems.BadRequest("`expires_in_days` must be at least 1, or omitted for the longest expiry the workspace allows.");
        }
        var max = workspace.TokenMaxExpiryDays;
        if (max is { } limit && body.ExpiresInDays is { } asked && asked > limit)
        {
            return Problems.BadRequest($"`expires_in_days` {asked} exceeds the workspace limit of {limit} days; ask for {limit} or fewer.");
        }
        var days = body.ExpiresInDays ?? max;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var secret = Secrets.NewSecret(Secrets.AccessTokenPrefix);
        var row = new AccessTokenRow
        {
            Id = Secrets.NewId("tok_"),
            UserId = userId,
            Name = string.IsNullOrWhiteSpace(body.Name) ? "access token" : body.Name.Trim(),
            Hash = Secrets.Hash(secret),
            CreatedBy = creator,
            CreatedAt = now,
            ExpiresAt = days is { } d ? now + (d * 86400L) : null,
        };
        db.AccessTokens.Add(row);
        await db.SaveChangesAsync(ct);
        Log.TokenCreated(logger, row.Id, userId, creator);
        var email = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);
        return TypedResults.Created($"/v1/access-tokens/{row.Id}", View(row, email, secret));
    }

    private static async Task<IResult> RevokeAsync(AccessTokenRow token, string actor, GovernanceDb db, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        token.RevokedAt ??= time.GetUtcNow().ToUnixTimeSeconds();
        await db.SaveChangesAsync(ct);
        Log.TokenRevoked(logger, token.Id, actor);
        return TypedResults.NoContent();
    }

    private static async Task<IReadOnlyList<TokenView>> ListAsync(GovernanceDb db, string? userId, CancellationToken ct)
    {
        var rows = await (from t in db.AccessTokens.AsNoTracking()
                          join u in db.Users on t.UserId equals u.Id
                          where userId == null || t.UserId == userId
                          orderby t.CreatedAt, t.Id
                          select new { t, u.Email }).ToListAsync(ct);
        return rows.Select(r => View(r.t, r.Email, null)).ToArray();
    }

    private static TokenView View(AccessTokenRow t, string email, string? secret) =>
        new(t.Id, t.Name, t.UserId, email, t.CreatedBy, t.CreatedAt, t.ExpiresAt, t.RevokedAt, secret);
}
