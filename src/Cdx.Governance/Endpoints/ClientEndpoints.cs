using Cdx.Governance.Auth;
using Cdx.Governance.Client.Wire;
using Cdx.Governance.Data;
using Cdx.Governance.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Endpoints;

/// <summary>What agents call: signed requirements, who-am-I, and the public signing keys.</summary>
internal static class ClientEndpoints
{
    /// <summary>The exact body users without agent access get (the product's wording of upstream's message).</summary>
    public const string NoAccessMessage = "403 - Unauthorized. Contact your administrator for access.";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/cdx-governance-keys", async (GovernanceDb db, SigningKeyStore keys, CancellationToken ct) =>
        {
            var workspace = await db.Workspaces.AsNoTracking().SingleAsync(ct);
            return TypedResults.Json(new KeySetDocument { WorkspaceId = workspace.Id, Keys = await keys.PublishedAsync(ct) }, WireJsonContext.Default.KeySetDocument);
        });

        var clients = app.MapGroup("/v1/clients").AddEndpointFilterFactory(Require.User);
        clients.MapGet("/whoami", async (HttpContext http, CallerResolver callers, GovernanceDb db, CancellationToken ct) =>
        {
            var caller = await callers.ResolveAsync(http);
            var workspace = await db.Workspaces.AsNoTracking().SingleAsync(ct);
            return TypedResults.Json(new WhoAmI
            {
                Subject = caller.UserId!,
                Email = caller.UserEmail!,
                WorkspaceId = workspace.Id,
                Permissions = PermissionNames.ToNames(caller.Permissions),
            }, WireJsonContext.Default.WhoAmI);
        });
        clients.MapGet("/requirements", async (HttpContext http, CallerResolver callers, GovernanceDb db, RequirementsIssuer issuer, CancellationToken ct) =>
        {
            var caller = await callers.ResolveAsync(http);
            var workspace = await db.Workspaces.AsNoTracking().SingleAsync(ct);
            if (!workspace.AllowAgentUse || !caller.Permissions.HasFlag(Permission.UseAgent))
            {
                return Results.Text(NoAccessMessage, "text/plain", statusCode: 403);
            }
            var signed = await issuer.IssueAsync(caller.UserId!, workspace, ct);
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Json(signed, WireJsonContext.Default.SignedRequirements);
        });
    }
}
