using System.Text.Json.Nodes;
using Cdx.Governance.Data;
using Cdx.Governance.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Scim;

/// <summary>SCIM 2.0 `/scim/v2/Users` (RFC 7643 §4.1, RFC 7644 §3): what an IdP uses to provision people.</summary>
internal static class ScimUserEndpoints
{
    private static readonly string[] FilterAttributes = ["userName", "externalId"];

    public static void Map(RouteGroupBuilder scim)
    {
        scim.MapGet("/Users", async (HttpRequest request, GovernanceDb db, CancellationToken ct) =>
        {
            var query = db.Users.AsNoTracking();
            if (ScimFilter.FromQuery(request, FilterAttributes, out var filter) is { } invalid)
            {
                return invalid;
            }
            if (filter is not null)
            {
                // userName is case-insensitive in SCIM (caseExact false) and stored lower-case here.
                query = filter.Attribute == "userName"
                    ? query.Where(u => u.Email == IdentityStore.NormalizeEmail(filter.Value))
                    : query.Where(u => u.ExternalId == filter.Value);
            }
            var (skip, take, start) = ScimRequest.Paging(request);
            var total = await query.CountAsync(ct);
            var page = await query.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Skip(skip).Take(take).ToListAsync(ct);
            // One membership query for the whole page, not one per user.
            var groups = await GroupsOfAsync(db, page.Select(u => u.Id).ToList(), ct);
            return ScimResponses.List(page.Select(u => (JsonNode)Resource(u, groups[u.Id])).ToList(), total, start);
        });
        scim.MapPost("/Users", async (HttpRequest request, IdentityStore identity, GovernanceDb db, CancellationToken ct) =>
        {
            if (await ScimRequest.ReadObjectAsync(request, ct) is not { } body || ScimRequest.GetString(body, "userName") is not { Length: > 0 } userName)
            {
                return ScimResponses.Error(400, "A SCIM User needs a `userName` (the person's sign-in email); add it to the body.", "invalidValue");
            }
            if (await identity.FindUserByEmailAsync(userName, ct) is not null)
            {
                return ScimResponses.Error(409, $"A user with userName `{userName}` already exists; look it up with filter=userName eq \"{userName}\".", "uniqueness");
            }
            var user = await identity.CreateUserAsync(userName, DisplayName(body), ScimRequest.GetString(body, "externalId"),
                ScimRequest.AsBool(ScimRequest.Get(body, "active")) ?? true, ct);
            var resource = await ResourceAsync(user, db, ct);
            request.HttpContext.Response.Headers.Location = Location(user.Id);
            return ScimResponses.Json(resource, 201);
        });
        scim.MapGet("/Users/{id}", async (string id, GovernanceDb db, CancellationToken ct) =>
            await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) is { } user
                ? ScimResponses.Json(await ResourceAsync(user, db, ct))
                : ScimResponses.NotFound("User", id));
        scim.MapPut("/Users/{id}", async (string id, HttpRequest request, GovernanceDb db, CancellationToken ct) =>
        {
            if (await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) is not { } user)
            {
                return ScimResponses.NotFound("User", id);
            }
            if (await ScimRequest.ReadObjectAsync(request, ct) is not { } body || ScimRequest.GetString(body, "userName") is not { Length: > 0 } userName)
            {
                return ScimResponses.Error(400, "A SCIM User replacement needs a `userName`; send the whole resource.", "invalidValue");
            }
            if (await RenameConflictsAsync(db, user, userName, ct))
            {
                return ScimResponses.Error(409, $"Another user already has userName `{userName}`; pick a unique one.", "uniqueness");
            }
            user.Email = IdentityStore.NormalizeEmail(userName);
            user.DisplayName = DisplayName(body);
            user.ExternalId = ScimRequest.GetString(body, "externalId");
            user.Active = ScimRequest.AsBool(ScimRequest.Get(body, "active")) ?? true;
            await db.SaveChangesAsync(ct);
            return ScimResponses.Json(await ResourceAsync(user, db, ct));
        });
        scim.MapMethods("/Users/{id}", ["PATCH"], async (string id, HttpRequest request, GovernanceDb db, CancellationToken ct) =>
        {
            if (await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) is not { } user)
            {
                return ScimResponses.NotFound("User", id);
            }
            if (await ScimRequest.ReadObjectAsync(request, ct) is not { } body || ScimRequest.Operations(body) is not { } ops)
            {
                return ScimResponses.Error(400, "A PATCH body must be a PatchOp with `Operations`; see RFC 7644 section 3.5.2.", "invalidSyntax");
            }
            foreach (var op in ops.OfType<JsonObject>())
            {
                var kind = ScimRequest.GetString(op, "op")?.ToLowerInvariant();
                var path = ScimRequest.GetString(op, "path");
                if (kind is not ("replace" or "add"))
                {
                    return ScimResponses.Error(400, $"The User operation `{kind}` is not supported; use replace (or add) on active, displayName, userName or externalId.", "invalidValue");
                }
                // Without a path the value is a partial resource; with one it is that attribute's value.
                var changes = path is null ? ScimRequest.Get(op, "value") as JsonObject : new JsonObject { [path] = ScimRequest.Get(op, "value")?.DeepClone() };
                foreach (var (name, value) in changes ?? [])
                {
                    switch (name.ToLowerInvariant())
                    {
                        case "active":
                            user.Active = ScimRequest.AsBool(value) ?? user.Active;
                            break;
                        case "displayname":
                            user.DisplayName = ScimRequest.AsString(value);
                            break;
                        case "externalid":
                            user.ExternalId = ScimRequest.AsString(value);
                            break;
                        case "username" when ScimRequest.AsString(value) is { Length: > 0 } userName:
                            if (await RenameConflictsAsync(db, user, userName, ct))
                            {
                                return ScimResponses.Error(409, $"Another user already has userName `{userName}`; pick a unique one.", "uniqueness");
                            }
                            user.Email = IdentityStore.NormalizeEmail(userName);
                            break;
                        default:
                            break; // attributes cdx does not keep (name parts, phone numbers) are accepted and ignored
                    }
                }
            }
            await db.SaveChangesAsync(ct);
            return ScimResponses.Json(await ResourceAsync(user, db, ct));
        });
        scim.MapDelete("/Users/{id}", async (string id, GovernanceDb db, IdentityStore identity, CancellationToken ct) =>
        {
            if (await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) is not { } user)
            {
                return (IResult)ScimResponses.NotFound("User", id);
            }
            await identity.DeleteUserAsync(user, ct);
            return TypedResults.NoContent();
        });
    }

    public static string Location(string id) => $"/scim/v2/Users/{id}";

    private static async Task<bool> RenameConflictsAsync(GovernanceDb db, UserRow user, string userName, CancellationToken ct)
    {
        var normalized = IdentityStore.NormalizeEmail(userName);
        return await db.Users.AnyAsync(u => u.Email == normalized && u.Id != user.Id, ct);
    }

    private static string? DisplayName(JsonObject body) =>
        ScimRequest.GetString(body, "displayName")
        ?? (ScimRequest.Get(body, "name") is JsonObject name ? ScimRequest.GetString(name, "formatted") : null);

    private static async Task<JsonObject> ResourceAsync(UserRow u, GovernanceDb db, CancellationToken ct) =>
        Resource(u, (await GroupsOfAsync(db, [u.Id], ct))[u.Id]);

    /// <summary>The groups (id, displayName) of each of <paramref name="userIds"/>, ordered by displayName.</summary>
    private static async Task<ILookup<string, (string Id, string DisplayName)>> GroupsOfAsync(GovernanceDb db, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var rows = await (from m in db.GroupMembers
                          join g in db.Groups on m.GroupId equals g.Id
                          where userIds.Contains(m.UserId)
                          orderby g.DisplayName
                          select new { m.UserId, g.Id, g.DisplayName }).ToListAsync(ct);
        return rows.ToLookup(r => r.UserId, r => (r.Id, r.DisplayName), StringComparer.Ordinal);
    }

    private static JsonObject Resource(UserRow u, IEnumerable<(string Id, string DisplayName)> groups)
    {
        var resource = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimResponses.UserSchema),
            ["id"] = u.Id,
            ["userName"] = u.Email,
            ["displayName"] = u.DisplayName,
            ["active"] = u.Active,
            ["emails"] = new JsonArray(new JsonObject { ["value"] = u.Email, ["primary"] = true }),
            ["groups"] = new JsonArray(groups.Select(g => (JsonNode)new JsonObject
            {
                ["value"] = g.Id,
                ["display"] = g.DisplayName,
                ["$ref"] = ScimGroupEndpoints.Location(g.Id),
            }).ToArray()),
            ["meta"] = new JsonObject { ["resourceType"] = "User", ["created"] = ScimResponses.Timestamp(u.CreatedAt), ["location"] = Location(u.Id) },
        };
        if (u.ExternalId is not null)
        {
            resource["externalId"] = u.ExternalId;
        }
        return resource;
    }
}
