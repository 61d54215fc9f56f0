using Microsoft.AspNetCore.Routing;

namespace Cdx.Governance.Scim;

/// <summary>SCIM 2.0 `/scim/v2/Users` and `/scim/v2/Groups` behind a SCIM-scoped API key.</summary>
internal static partial class ScimEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        MapUsers(app);
        MapGroups(app);
    }

    static partial void MapUsers(IEndpointRouteBuilder app);

    static partial void MapGroups(IEndpointRouteBuilder app);
}
