using Cdx.Governance.Auth;
using Cdx.Governance.Data;
using Cdx.Governance.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Endpoints;

/// <summary>Admin API for users, groups, memberships and the roles granted to groups.</summary>
internal static class AdminIdentityEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/v1/admin").AddEndpointFilterFactory(Require.Admin);

        admin.MapGet("/users", async (string? email, GovernanceDb db, PermissionService perms, CancellationToken ct) =>
        {
            var query = db.Users.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(email))
            {
                var normalized = IdentityStore.NormalizeEmail(email);
                query = query.Where(u => u.Email == normalized);
            }
            var views = new List<UserView>();
            foreach (var u in await query.OrderBy(u => u.Email).ToListAsync(ct))
            {
                views.Add(await ViewAsync(u, db, perms, ct));
            }
            return TypedResults.Ok(views);
        });
        admin.MapPost("/users", async (UserBody body, IdentityStore identity, GovernanceDb db, PermissionService perms, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.Email) || !body.Email.Contains('@'))
            {
                return Problems.BadRequest("A user needs an `email` (their IdP userName, like alice@example.com).");
            }
            if (await identity.FindUserByEmailAsync(body.Email, ct) is not null)
            {
                return Problems.Conflict($"A user with email `{body.Email}` already exists; look them up with GET /v1/admin/users?email=.");
            }
            var user = await identity.CreateUserAsync(body.Email, body.DisplayName, null, true, ct);
            return (IResult)TypedResults.Created($"/v1/admin/users/{user.Id}", await ViewAsync(user, db, perms, ct));
        });
        admin.MapGet("/users/{id}", async (string id, GovernanceDb db, PermissionService perms, CancellationToken ct) =>
            await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } u
                ? (IResult)TypedResults.Ok(await ViewAsync(u, db, perms, ct))
                : Problems.NotFound("user", id));
        admin.MapDelete("/users/{id}", async (string id, GovernanceDb db, IdentityStore identity, CancellationToken ct) =>
        {
            if (await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) is not { } u)
            {
                return Problems.NotFound("user", id);
            }
            await identity.DeleteUserAsync(u, ct);
            return (IResult)TypedResults.NoContent();
        });

        admin.MapGet("/groups", async (string? displayName, GovernanceDb db, CancellationToken ct) =>
        {
            var query = db.Groups.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(displayName))
            {
                query = query.Where(g => g.DisplayName == displayName);
            }
            var views = new List<GroupView>();
            foreach (var g in await query.OrderBy(g => g.DisplayName).ToListAsync(ct))
            {
                views.Add(await ViewAsync(g, db, ct));
            }
            return TypedResults.Ok(views);
        });
        admin.MapPost("/groups", async (GroupBody body, IdentityStore identity, GovernanceDb db, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.DisplayName))
            {
                return Problems.BadRequest("A group needs a `display_name`; add one to the request body.");
            }
            if (await db.Groups.AnyAsync(g => g.DisplayName == body.DisplayName.Trim(), ct))
            {
                return Problems.Conflict($"A group named `{body.DisplayName}` already exists; pick another name.");
            }
            var group = await identity.CreateGroupAsync(body.DisplayName, null, ct);
            return (IResult)TypedResults.Created($"/v1/admin/groups/{group.Id}", await ViewAsync(group, db, ct));
        });
        admin.MapGet("/groups/{id}", async (string id, GovernanceDb db, CancellationToken ct) =>
            await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct) is { } g
                ? (IResult)TypedResults.Ok(await ViewAsync(g, db, ct))
                : Problems.NotFound("group", id));
        admin.MapDelete("/groups/{id}", async (string id, GovernanceDb db, IdentityStore identity, CancellationToken ct) =>
        {
            if (await db.Groups.FirstOrDefaultAsync(g => g.Id == id, ct) is not { } g)
            {
                return Problems.NotFound("group", id);
            }
            await identity.DeleteGroupAsync(g, ct);
            return (IResult)TypedResults.NoContent();
        });
        admin.MapPut("/groups/{id}/members/{userId}", async (string id, string userId, GovernanceDb db, IdentityStore identity, CancellationToken ct) =>
        {
            if (!await db.Groups.AnyAsync(g => g.Id == id, ct))
            {
                return Problems.NotFound("group", id);
            }
            if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
            {
                return Problems.NotFound("user", userId);
            }
            await identity.AddMemberAsync(id, userId, ct);
            return (IResult)TypedResults.NoContent();
        });
        admin.MapDelete("/groups/{id}/members/{userId}", async (string id, string userId, IdentityStore identity, CancellationToken ct) =>
        {
            await identity.RemoveMemberAsync(id, userId, ct);
            return TypedResults.NoContent();
        });
        admin.MapPut("/groups/{id}/roles/{roleId}", async (string id, string roleId, GovernanceDb db, CancellationToken ct) =>
        {
            if (!await db.Groups.AnyAsync(g => g.Id == id, ct))
            {
                return Problems.NotFound("group", id);
            }
            if (!await db.Roles.AnyAsync(r => r.Id == roleId, ct))
            {
                return Problems.NotFound("role", roleId);
            }
            if (!await db.GroupRoles.AnyAsync(r => r.GroupId == id && r.RoleId == roleId, ct))
            {
                db.GroupRoles.Add(new GroupRoleRow { GroupId = id, RoleId = roleId });
                await db.SaveChangesAsync(ct);
            }
            return (IResult)TypedResults.NoContent();
        });
        admin.MapDelete("/groups/{id}/roles/{roleId}", async (string id, string roleId, GovernanceDb db, CancellationToken ct) =>
        {
            await db.GroupRoles.Where(r => r.GroupId == id && r.RoleId == roleId).ExecuteDeleteAsync(ct);
            return TypedResults.NoContent();
        });
    }

    private static async Task<UserView> ViewAsync(UserRow u, GovernanceDb db, PermissionService perms, CancellationToken ct)
    {
        var groups = await db.GroupMembers.AsNoTracking().Where(m => m.UserId == u.Id).Select(m => m.GroupId).OrderBy(x => x).ToListAsync(ct);
        return new UserView(u.Id, u.Email, u.DisplayName, u.Active, groups, PermissionNames.ToNames(await perms.EffectiveAsync(u.Id, ct)));
    }

    private static async Task<GroupView> ViewAsync(GroupRow g, GovernanceDb db, CancellationToken ct)
    {
        var members = await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == g.Id).Select(m => m.UserId).OrderBy(x => x).ToListAsync(ct);
        var roles = await db.GroupRoles.AsNoTracking().Where(r => r.GroupId == g.Id).Select(r => r.RoleId).OrderBy(x => x).ToListAsync(ct);
        return new GroupView(g.Id, g.DisplayName, members, roles);
    }
}
