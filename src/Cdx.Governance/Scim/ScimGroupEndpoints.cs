using System.Text.Json.Nodes;
using Cdx.Governance.Data;
using Cdx.Governance.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Scim;

/// <summary>SCIM 2.0 `/scim/v2/Groups` (RFC 7643 §4.2): groups and their membership, as pushed by an IdP.</summary>
internal static class ScimGroupEndpoints
{
    private static readonly string[] FilterAttributes = ["displayName", "externalId"];

    public static void Map(RouteGroupBuilder scim)
    {
        scim.MapGet("/Groups", async (HttpRequest request, GovernanceDb db, CancellationToken ct) =>
        {
            var query = db.Groups.AsNoTracking();
            if (ScimFilter.FromQuery(request, FilterAttributes, out var filter) is { } invalid)
            {
                return invalid;
            }
            if (filter is not null)
            {
                // Group displayName is caseExact=false (RFC 7643 §4.2); lower() behaves the same on SQLite and PostgreSQL for ASCII.
                var lowered = filter.Value.Trim().ToLowerInvariant();
                query = filter.Attribute == "displayName"
                    ? query.Where(g => g.DisplayName.ToLower() == lowered)
                    : query.Where(g => g.ExternalId == filter.Value);
            }
            // IdPs ask for excludedAttributes=members when they only need ids; big groups stay cheap.
            var withMembers = !request.Query["excludedAttributes"].ToString().Contains("members", StringComparison.OrdinalIgnoreCase);
            var (skip, take, start) = ScimRequest.Paging(request);
            var total = await query.CountAsync(ct);
            var page = await query.OrderBy(g => g.CreatedAt).ThenBy(g => g.Id).Skip(skip).Take(take).ToListAsync(ct);
            // One membership query for the whole page, not one per group.
            var members = withMembers ? await MembersOfAsync(db, page.Select(g => g.Id).ToList(), ct) : null;
            return ScimResponses.List(page.Select(g => (JsonNode)Resource(g, members?[g.Id])).ToList(), total, start);
        });
        scim.MapPost("/Groups", async (HttpRequest request, IdentityStore identity, GovernanceDb db, CancellationToken ct) =>
        {
            if (await ScimRequest.ReadObjectAsync(request, ct) is not { } body || ScimRequest.GetString(body, "displayName") is not { Length: > 0 } name)
            {
                return ScimResponses.Error(400, "A SCIM Group needs a `displayName`; add it to the body.", "invalidValue");
            }
            if (await db.Groups.AnyAsync(g => g.DisplayName == name.Trim(), ct))
            {
                return ScimResponses.Error(409, $"A group named `{name}` already exists; look it up with filter=displayName eq \"{name}\".", "uniqueness");
            }
            var members = MemberIds(ScimRequest.Get(body, "members"));
            if (await UnknownUserAsync(db, members, ct) is { } unknown)
            {
                return unknown;
            }
            var group = await identity.CreateGroupAsync(name, ScimRequest.GetString(body, "externalId"), ct);
            await identity.SetMembersAsync(group.Id, members, ct);
            request.HttpContext.Response.Headers.Location = Location(group.Id);
            return ScimResponses.Json(await ResourceAsync(group, db, true, ct), 201);
        });
        scim.MapGet("/Groups/{id}", async (string id, GovernanceDb db, CancellationToken ct) =>
            await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct) is { } group
                ? ScimResponses.Json(await ResourceAsync(group, db, true, ct))
                : ScimResponses.NotFound("Group", id));
        scim.MapPut("/Groups/{id}", async (string id, HttpRequest request, IdentityStore identity, GovernanceDb db, CancellationToken ct) =>
        {
            if (await db.Groups.FirstOrDefaultAsync(g => g.Id == id, ct) is not { } group)
            {
                return ScimResponses.NotFound("Group", id);
            }
            if (await ScimRequest.ReadObjectAsync(request, ct) is not { } body || ScimRequest.GetString(body, "displayName") is not { Length: > 0 } name)
            {
                return ScimResponses.Error(400, "A SCIM Group replacement needs a `displayName`; send the whole resource.", "invalidValue");
            }
            var members = MemberIds(ScimRequest.Get(body, "members"));
            if ((await RenameConflictAsync(db, group, name, ct) ?? await UnknownUserAsync(db, members, ct)) is { } error)
            {
                return error;
            }
            group.DisplayName = name.Trim();
            group.ExternalId = ScimRequest.GetString(body, "externalId");
            await db.SaveChangesAsync(ct);
            await identity.SetMembersAsync(group.Id, members, ct);
            return ScimResponses.Json(await ResourceAsync(group, db, true, ct));
        });
        scim.MapMethods("/Groups/{id}", ["PATCH"], async (string id, HttpRequest request, IdentityStore identity, GovernanceDb db, CancellationToken ct) =>
        {
            if (await db.Groups.FirstOrDefaultAsync(g => g.Id == id, ct) is not { } group)
            {
                return ScimResponses.NotFound("Group", id);
            }
            if (await ScimRequest.ReadObjectAsync(request, ct) is not { } body || ScimRequest.Operations(body) is not { } ops)
            {
                return ScimResponses.Error(400, "A PATCH body must be a PatchOp with `Operations`; see RFC 7644 section 3.5.2.", "invalidSyntax");
            }
            // Apply every operation to a copy first, so a bad operation later in the list changes nothing.
            var members = new HashSet<string>(await identity.MembersAsync(group.Id, ct), StringComparer.Ordinal);
            var name = group.DisplayName;
            foreach (var op in ops.OfType<JsonObject>())
            {
                if (GroupPatch.Apply(op, members, ref name) is { } problem)
                {
                    return ScimResponses.Error(400, problem, "invalidValue");
                }
            }
            if ((await RenameConflictAsync(db, group, name, ct) ?? await UnknownUserAsync(db, members, ct)) is { } error)
            {
                return error;
            }
            group.DisplayName = name.Trim();
            await db.SaveChangesAsync(ct);
            await identity.SetMembersAsync(group.Id, members, ct);
            return ScimResponses.Json(await ResourceAsync(group, db, true, ct));
        });
        scim.MapDelete("/Groups/{id}", async (string id, GovernanceDb db, IdentityStore identity, CancellationToken ct) =>
        {
            if (await db.Groups.FirstOrDefaultAsync(g => g.Id == id, ct) is not { } group)
            {
                return (IResult)ScimResponses.NotFound("Group", id);
            }
            await identity.DeleteGroupAsync(group, ct);
            return TypedResults.NoContent();
        });
    }

    public static string Location(string id) => $"/scim/v2/Groups/{id}";

    /// <summary>The `value` of each entry of a SCIM `members` array.</summary>
    public static List<string> MemberIds(JsonNode? members) =>
        members is JsonArray array
            ? array.OfType<JsonObject>().Select(m => ScimRequest.GetString(m, "value")).OfType<string>().Distinct().ToList()
            : [];

    private static async Task<ContentHttpResult?> UnknownUserAsync(GovernanceDb db, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var known = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        return ids.FirstOrDefault(i => !known.Contains(i)) is { } missing
            ? ScimResponses.Error(400, $"Member `{missing}` is not a SCIM User id on this server; provision the user first.", "invalidValue")
            : null;
    }

    private static async Task<ContentHttpResult?> RenameConflictAsync(GovernanceDb db, GroupRow group, string name, CancellationToken ct)
    {
        var trimmed = name.Trim();
        return await db.Groups.AnyAsync(g => g.DisplayName == trimmed && g.Id != group.Id, ct)
            ? ScimResponses.Error(409, $"Another group is already named `{trimmed}`; pick a unique displayName.", "uniqueness")
            : null;
    }

    private static async Task<JsonObject> ResourceAsync(GroupRow g, GovernanceDb db, bool withMembers, CancellationToken ct) =>
        Resource(g, withMembers ? (await MembersOfAsync(db, [g.Id], ct))[g.Id] : null);

    /// <summary>The members (id, email) of each of <paramref name="groupIds"/>, ordered by email.</summary>
    private static async Task<ILookup<string, (string Id, string Email)>> MembersOfAsync(GovernanceDb db, IReadOnlyCollection<string> groupIds, CancellationToken ct)
    {
        var rows = await (from m in db.GroupMembers
                          join u in db.Users on m.UserId equals u.Id
                          where groupIds.Contains(m.GroupId)
                          orderby u.Email
                          select new { m.GroupId, u.Id, u.Email }).ToListAsync(ct);
        return rows.ToLookup(r => r.GroupId, r => (r.Id, r.Email), StringComparer.Ordinal);
    }

    /// <summary>The SCIM Group resource; <paramref name="members"/> null leaves `members` out (excludedAttributes=members).</summary>
    private static JsonObject Resource(GroupRow g, IEnumerable<(string Id, string Email)>? members)
    {
        var resource = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimResponses.GroupSchema),
            ["id"] = g.Id,
            ["displayName"] = g.DisplayName,
        };
        if (g.ExternalId is not null)
        {
            resource["externalId"] = g.ExternalId;
        }
        if (members is not null)
        {
            resource["members"] = new JsonArray(members.Select(m => (JsonNode)new JsonObject
            {
                ["value"] = m.Id,
                ["display"] = m.Email,
                ["$ref"] = ScimUserEndpoints.Location(m.Id),
            }).ToArray());
        }
        resource["meta"] = new JsonObject { ["resourceType"] = "Group", ["created"] = ScimResponses.Timestamp(g.CreatedAt), ["location"] = Location(g.Id) };
        return resource;
    }
}
