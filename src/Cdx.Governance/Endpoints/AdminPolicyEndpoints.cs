using Cdx.Governance.Auth;
using Cdx.Governance.Data;
using Cdx.Governance.Hosting;
using Cdx.Governance.Identity;
using Cdx.Governance.Policies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cdx.Governance.Endpoints;

/// <summary>Admin API for policies (validated requirements.toml, versioned), ordered assignments and lookup.</summary>
internal static class AdminPolicyEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/v1/admin").AddEndpointFilterFactory(Require.Admin);

        admin.MapGet("/policies", async (GovernanceDb db, CancellationToken ct) =>
            TypedResults.Ok((await db.Policies.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct)).Select(View)));
        admin.MapGet("/policies/{id}", async (string id, GovernanceDb db, CancellationToken ct) =>
            await db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } p
                ? (IResult)TypedResults.Ok(View(p))
                : Problems.NotFound("policy", id));
        admin.MapGet("/policies/{id}/versions", async (string id, GovernanceDb db, CancellationToken ct) =>
            TypedResults.Ok((await db.PolicyVersions.AsNoTracking().Where(v => v.PolicyId == id).OrderBy(v => v.Version).ToListAsync(ct))
                .Select(v => new PolicyVersionView(v.Version, v.Contents, v.Author, v.CreatedAt))));

        admin.MapPost("/policies", async (PolicyBody body, HttpContext http, CallerResolver callers, GovernanceDb db, TimeProvider time,
            ILogger<PolicyRow> logger, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.Name))
            {
                return Problems.BadRequest("A policy needs a `name`; add one to the request body.");
            }
            if (Invalid(body.Contents) is { } problem)
            {
                return problem;
            }
            if (await db.Policies.AnyAsync(p => p.Name == body.Name.Trim(), ct))
            {
                return Problems.Conflict($"A policy named `{body.Name}` already exists; update it with PUT /v1/admin/policies/{{id}} or pick another name.");
            }
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            var author = (await callers.ResolveAsync(http)).Name;
            var policy = new PolicyRow { Id = Secrets.NewId("pol_"), Name = body.Name.Trim(), Version = 1, Contents = body.Contents!, CreatedAt = now, UpdatedAt = now };
            db.Policies.Add(policy);
            db.PolicyVersions.Add(new PolicyVersionRow { PolicyId = policy.Id, Version = 1, Contents = policy.Contents, Author = author, CreatedAt = now });
            await db.SaveChangesAsync(ct);
            Log.PolicySaved(logger, policy.Id, 1, author);
            return (IResult)TypedResults.Created($"/v1/admin/policies/{policy.Id}", View(policy));
        });

        admin.MapPut("/policies/{id}", async (string id, PolicyBody body, HttpContext http, CallerResolver callers, GovernanceDb db,
            TimeProvider time, ILogger<PolicyRow> logger, CancellationToken ct) =>
        {
            var policy = await db.Policies.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (policy is null)
            {
                return Problems.NotFound("policy", id);
            }
            if (Invalid(body.Contents) is { } problem)
            {
                return problem;
            }
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            var author = (await callers.ResolveAsync(http)).Name;
            policy.Name = string.IsNullOrWhiteSpace(body.Name) ? policy.Name : body.Name.Trim();
            policy.Version++;
            policy.Contents = body.Contents!;
            policy.UpdatedAt = now;
            db.PolicyVersions.Add(new PolicyVersionRow { PolicyId = policy.Id, Version = policy.Version, Contents = policy.Contents, Author = author, CreatedAt = now });
            await db.SaveChangesAsync(ct);
            Log.PolicySaved(logger, policy.Id, policy.Version, author);
            return (IResult)TypedResults.Ok(View(policy));
        });

        admin.MapDelete("/policies/{id}", async (string id, GovernanceDb db, CancellationToken ct) =>
        {
            var policy = await db.Policies.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (policy is null)
            {
                return Problems.NotFound("policy", id);
            }
            var workspace = await db.Workspaces.SingleAsync(ct);
            var rule = await db.PolicyRules.AsNoTracking().Where(r => r.PolicyId == id).OrderBy(r => r.Position).FirstOrDefaultAsync(ct);
            if (rule is not null || workspace.DefaultPolicyId == id)
            {
                return Problems.Conflict(rule is not null
                    ? $"Policy `{policy.Name}` is assigned by rule {rule.Position}; remove it from /v1/admin/policy-assignments first."
                    : $"Policy `{policy.Name}` is the default policy; choose another default in /v1/admin/policy-assignments first.");
            }
            db.PolicyVersions.RemoveRange(db.PolicyVersions.Where(v => v.PolicyId == id));
            db.Policies.Remove(policy);
            await db.SaveChangesAsync(ct);
            return (IResult)TypedResults.NoContent();
        });

        admin.MapGet("/policy-assignments", async (GovernanceDb db, CancellationToken ct) => TypedResults.Ok(await AssignmentsViewAsync(db, ct)));
        admin.MapPut("/policy-assignments", async (AssignmentsBody body, GovernanceDb db, ILogger<PolicyRuleRow> logger, CancellationToken ct) =>
        {
            var rules = body.Rules ?? [];
            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i].GroupId is not { } g || !await db.Groups.AnyAsync(x => x.Id == g, ct))
                {
                    return Problems.BadRequest($"rules[{i}].group_id `{rules[i].GroupId}` names no group; list groups with GET /v1/admin/groups.");
                }
                if (rules[i].PolicyId is not { } p || !await db.Policies.AnyAsync(x => x.Id == p, ct))
                {
                    return Problems.BadRequest($"rules[{i}].policy_id `{rules[i].PolicyId}` names no policy; list policies with GET /v1/admin/policies.");
                }
            }
            if (body.DefaultPolicyId is { Length: > 0 } d && !await db.Policies.AnyAsync(x => x.Id == d, ct))
            {
                return Problems.BadRequest($"default_policy_id `{d}` names no policy; list policies with GET /v1/admin/policies.");
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.PolicyRules.ExecuteDeleteAsync(ct);
            db.PolicyRules.AddRange(rules.Select((r, i) => new PolicyRuleRow { Position = i, GroupId = r.GroupId!, PolicyId = r.PolicyId! }));
            var workspace = await db.Workspaces.SingleAsync(ct);
            workspace.DefaultPolicyId = string.IsNullOrEmpty(body.DefaultPolicyId) ? null : body.DefaultPolicyId;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            Log.AssignmentsReplaced(logger, rules.Count, workspace.DefaultPolicyId);
            return (IResult)TypedResults.Ok(await AssignmentsViewAsync(db, ct));
        });

        admin.MapGet("/policy-lookup", async (string? email, string? group, GovernanceDb db, AssignmentStore assignments, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(email) == string.IsNullOrWhiteSpace(group))
            {
                return Problems.BadRequest("Pass exactly one of `?email=` (a user) or `?group=` (a group id or display name).");
            }
            string? userId = null;
            PolicyResolution resolution;
            if (!string.IsNullOrWhiteSpace(email))
            {
                var normalized = IdentityStore.NormalizeEmail(email);
                var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == normalized, ct);
                if (user is null)
                {
                    return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No user has the email `{email}`; check the spelling or create the user first.");
                }
                userId = user.Id;
                resolution = await assignments.ResolveForUserAsync(user.Id, ct);
            }
            else
            {
                var g = await db.Groups.AsNoTracking().FirstOrDefaultAsync(x => x.Id == group || x.DisplayName == group, ct);
                if (g is null)
                {
                    return Problems.NotFound("group", group!);
                }
                resolution = await assignments.ResolveForGroupsAsync(new HashSet<string> { g.Id }, ct);
            }
            var policies = await db.Policies.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
            var groups = await db.Groups.AsNoTracking().ToDictionaryAsync(x => x.Id, ct);
            PolicyRef? Ref(string? id) => id is not null && policies.TryGetValue(id, out var p) ? new PolicyRef(p.Id, p.Name, p.Version) : null;
            GroupRef? GRef(string? id) => id is not null && groups.TryGetValue(id, out var x) ? new GroupRef(x.Id, x.DisplayName) : null;
            return (IResult)TypedResults.Ok(new LookupView(
                email is null ? null : IdentityStore.NormalizeEmail(email), userId, group, Ref(resolution.PolicyId), resolution.Source,
                resolution.RuleIndex, GRef(resolution.MatchedGroupId),
                resolution.LaterMatches.Select(r => new LaterMatchView(r.Index, GRef(r.GroupId)!, Ref(r.PolicyId)!)).ToArray()));
        });
    }

    private static IResult? Invalid(string? contents)
    {
        if (contents is null)
        {
            return Problems.BadRequest("A policy needs `contents`: the requirements.toml text.");
        }
        if (PolicyValidator.Validate(contents) is not { } error)
        {
            return null;
        }
        return Problems.BadRequest($"The policy is not a valid requirements.toml: {error}; fix it and save again (nothing was stored).",
            new Dictionary<string, object?> { ["line"] = error.Line, ["column"] = error.Column, ["reason"] = error.Reason });
    }

    private static PolicyView View(PolicyRow p) => new(p.Id, p.Name, p.Version, p.Contents, p.CreatedAt, p.UpdatedAt);

    private static async Task<AssignmentsView> AssignmentsViewAsync(GovernanceDb db, CancellationToken ct)
    {
        var rules = await (from r in db.PolicyRules
                           join g in db.Groups on r.GroupId equals g.Id
                           join p in db.Policies on r.PolicyId equals p.Id
                           orderby r.Position
                           select new AssignmentRuleView(r.Position, g.Id, g.DisplayName, p.Id, p.Name)).ToListAsync(ct);
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(ct);
        return new AssignmentsView(rules, workspace.DefaultPolicyId);
    }
}
