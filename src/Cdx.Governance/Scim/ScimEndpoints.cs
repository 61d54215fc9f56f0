using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cdx.Governance.Scim;

/// <summary>Mounts SCIM 2.0 under `/scim/v2`, behind an API key with the `scim` scope.</summary>
internal static class ScimEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup("/scim/v2").AddEndpointFilterFactory(ScimRequest.RequireScimKey);
        ScimUserEndpoints.Map(scim);
        ScimGroupEndpoints.Map(scim);
    }
}
