using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cdx.Governance.Auth;

/// <summary>Endpoint filters that admit a caller by kind: 401 for no/unknown credentials, 403 for the wrong kind.</summary>
internal static class Require
{
    /// <summary>An admin API key with the `admin` scope, or a user with `administer`.</summary>
    public static EndpointFilterDelegate Admin(EndpointFilterFactoryContext _, EndpointFilterDelegate next) =>
        Check(next, c => c.IsAdmin, "administer the workspace (an admin API key, or a user with the administer permission)");

    /// <summary>An API key with the `scim` scope.</summary>
    public static EndpointFilterDelegate Scim(EndpointFilterFactoryContext _, EndpointFilterDelegate next) =>
        Check(next, c => c.Scopes.Contains("scim"), "call SCIM (an API key with the scim scope)");

    /// <summary>Any user authenticated with an access token.</summary>
    public static EndpointFilterDelegate User(EndpointFilterFactoryContext _, EndpointFilterDelegate next) =>
        Check(next, c => c.UserId is not null, "act as a user (a user access token)");

    /// <summary>An admin API key holding <paramref name="scope"/> (compliance `read`/`delete`, `codex.enterprise.analytics.read`); the `admin` scope does not imply it.</summary>
    public static Func<EndpointFilterFactoryContext, EndpointFilterDelegate, EndpointFilterDelegate> Scope(string scope) =>
        (_, next) => Check(next, c => c.Scopes.Contains(scope), $"call this API (an API key with the {scope} scope)");

    private static EndpointFilterDelegate Check(EndpointFilterDelegate next, Func<Caller, bool> allowed, string what) => async ctx =>
    {
        var caller = await ctx.HttpContext.RequestServices.GetRequiredService<CallerResolver>().ResolveAsync(ctx.HttpContext);
        if (caller.IsAnonymous)
        {
            return Results.Problem(statusCode: 401, title: "Unauthenticated",
                detail: "This endpoint needs an `Authorization: Bearer` credential that the server knows; pass a valid, unexpired, unrevoked key or token.");
        }
        if (!allowed(caller))
        {
            return Results.Problem(statusCode: 403, title: "Forbidden", detail: $"Your credential may not {what}; ask a workspace admin.");
        }
        return await next(ctx);
    };
}
