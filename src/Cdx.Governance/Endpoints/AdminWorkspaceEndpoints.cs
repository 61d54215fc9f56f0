using Cdx.Governance.Auth;
using Cdx.Governance.Data;
using Cdx.Governance.Hosting;
using Cdx.Governance.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cdx.Governance.Endpoints;

/// <summary>Admin API: workspace toggles, roles, API keys, signing-key rotation.</summary>
internal static class AdminWorkspaceEndpoints
{
    private static readonly string[] KnownScopes = ["admin", "scim", "read", "delete", "codex.enterprise.analytics.read"];

    public static void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/v1/admin").AddEndpointFilterFactory(Require.Admin);

        admin.MapGet("/workspace", async (GovernanceDb db, CancellationToken ct) => TypedResults.Ok(View(await db.Workspaces.SingleAsync(ct))));
        admin.MapPatch("/workspace", async (WorkspacePatch body, GovernanceDb db, CancellationToken ct) =>
        {
            var w = await db.Workspaces.SingleAsync(ct);
            if (body.TokenMaxExpiryDays is < 0)
            {
                return Problems.BadRequest("`token_max_expiry_days` must be 0 (no limit) or a positive number of days.");
            }
            if (body.DefaultRoleId is { Length: > 0 } rid && !await db.Roles.AnyAsync(r => r.Id == rid, ct))
            {
                return Problems.NotFound("role", rid);
            }
            w.Name = body.Name ?? w.Name;
            w.AllowAgentUse = body.AllowAgentUse ?? w.AllowAgentUse;
            w.AllowAccessTokens = body.AllowAccessTokens ?? w.AllowAccessTokens;
            w.AllowDeviceCode = body.AllowDeviceCode ?? w.AllowDeviceCode;
            w.TokenMaxExpiryDays = body.TokenMaxExpiryDays switch { null => w.TokenMaxExpiryDays, 0 => null, var d => d };
            w.DefaultRoleId = body.DefaultRoleId switch { null => w.DefaultRoleId, "" => null, var d => d };
            await db.SaveChangesAsync(ct);
            return (IResult)TypedResults.Ok(View(w));
        });

        admin.MapGet("/roles", async (GovernanceDb db, CancellationToken ct) =>
            TypedResults.Ok((await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct)).Select(View)));
        admin.MapPost("/roles", async (RoleBody body, GovernanceDb db, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.Name))
            {
                return Problems.BadRequest("A role needs a `name`; add one to the request body.");
            }
            var perms = PermissionNames.Parse(body.Permissions ?? [], out var unknown);
            if (unknown is not null)
            {
                return Problems.BadRequest($"Unknown permission `{unknown}`; use use_agent, administer or create_access_tokens.");
            }
            if (await db.Roles.AnyAsync(r => r.Name == body.Name, ct))
            {
                return Problems.Conflict($"A role named `{body.Name}` already exists; pick another name or update that role.");
            }
            var role = new RoleRow { Id = Secrets.NewId("role_"), Name = body.Name.Trim(), Permissions = (int)perms };
            db.Roles.Add(role);
            await db.SaveChangesAsync(ct);
            return (IResult)TypedResults.Created($"/v1/admin/roles/{role.Id}", View(role));
        });
        admin.MapPut("/roles/{id}", async (string id, RoleBody body, GovernanceDb db, CancellationToken ct) =>
        {
            var role = await db.Roles.FirstOrDefaultAsync(r => r.Id == id, ct);
            if (role is null)
            {
                return Problems.NotFound("role", id);
            }
            var perms = PermissionNames.Parse(body.Permissions ?? [], out var unknown);
            if (unknown is not null)
            {
                return Problems.BadRequest($"Unknown permission `{unknown}`; use use_agent, administer or create_access_tokens.");
            }
            role.Name = string.IsNullOrWhiteSpace(body.Name) ? role.Name : body.Name.Trim();
            role.Permissions = body.Permissions is null ? role.Permissions : (int)perms;
            await db.SaveChangesAsync(ct);
            return (IResult)TypedResults.Ok(View(role));
        });

        admin.MapGet("/api-keys", async (GovernanceDb db, CancellationToken ct) =>
            TypedResults.Ok((await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(ct)).Select(k => View(k, null))));
        admin.MapPost("/api-keys", async (ApiKeyBody body, GovernanceDb db, TimeProvider time, CancellationToken ct) =>
        {
            var scopes = body.Scopes ?? [];
            if (scopes.Count == 0 || scopes.FirstOrDefault(s => !KnownScopes.Contains(s)) is { } bad)
            {
                return Problems.BadRequest($"`scopes` must list one or more of {string.Join(", ", KnownScopes)}{(scopes.Count == 0 ? "" : $"; `{scopes.First(s => !KnownScopes.Contains(s))}` is not one")}.");
            }
            var secret = Secrets.NewSecret(Secrets.AdminKeyPrefix);
            var row = new ApiKeyRow
            {
                Id = Secrets.NewId("key_"),
                Name = string.IsNullOrWhiteSpace(body.Name) ? "api key" : body.Name.Trim(),
                Hash = Secrets.Hash(secret),
                Scopes = string.Join(' ', scopes.Distinct()),
                CreatedAt = time.GetUtcNow().ToUnixTimeSeconds(),
            };
            db.ApiKeys.Add(row);
            await db.SaveChangesAsync(ct);
            return (IResult)TypedResults.Created($"/v1/admin/api-keys/{row.Id}", View(row, secret));
        });
        admin.MapDelete("/api-keys/{id}", async (string id, GovernanceDb db, TimeProvider time, CancellationToken ct) =>
        {
            var row = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
            if (row is null)
            {
                return Problems.NotFound("API key", id);
            }
            row.RevokedAt ??= time.GetUtcNow().ToUnixTimeSeconds();
            await db.SaveChangesAsync(ct);
            return (IResult)TypedResults.NoContent();
        });

        admin.MapPost("/signing-keys/rotate", async (SigningKeyStore keys, ILogger<SigningKeyStore> logger, CancellationToken ct) =>
        {
            var key = await keys.RotateAsync(ct);
            Log.KeyRotated(logger, key.KeyId);
            return TypedResults.Ok(key);
        });
    }

    private static WorkspaceView View(WorkspaceRow w) =>
        new(w.Id, w.Name, w.AllowAgentUse, w.AllowAccessTokens, w.TokenMaxExpiryDays, w.AllowDeviceCode, w.DefaultRoleId, w.DefaultPolicyId);

    private static RoleView View(RoleRow r) => new(r.Id, r.Name, PermissionNames.ToNames((Permission)r.Permissions));

    private static ApiKeyView View(ApiKeyRow k, string? secret) =>
        new(k.Id, k.Name, k.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), k.CreatedAt, k.RevokedAt, secret);
}
