using Cdx.Governance.Data;
using Cdx.Governance.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Compliance;

/// <summary>Endpoint filter for `/workspaces/{workspace_id}/...` routes: 404 unless the id is this server's workspace.</summary>
internal static class WorkspaceRoute
{
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext _, EndpointFilterDelegate next) => async ctx =>
    {
        var id = ctx.HttpContext.Request.RouteValues["workspace_id"] as string ?? "";
        var db = ctx.HttpContext.RequestServices.GetRequiredService<GovernanceDb>();
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(ctx.HttpContext.RequestAborted);
        return workspace.Id == id ? await next(ctx) : Problems.NotFound("workspace", id);
    };

    private static T GetRequiredService<T>(this IServiceProvider sp) where T : notnull =>
        (T)(sp.GetService(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered; call AddCdxGovernance."));
}
