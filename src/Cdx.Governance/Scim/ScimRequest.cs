using System.Text.Json;
using System.Text.Json.Nodes;
using Cdx.Governance.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cdx.Governance.Scim;

/// <summary>Request-side SCIM helpers: the bearer check, reading bodies sent as application/scim+json, paging.</summary>
internal static class ScimRequest
{
    /// <summary>Endpoint filter: an API key with the `scim` scope; errors use the SCIM Error schema so IdPs can show them.</summary>
    public static EndpointFilterDelegate RequireScimKey(EndpointFilterFactoryContext _, EndpointFilterDelegate next) => async ctx =>
    {
        var caller = await ctx.HttpContext.RequestServices.GetRequiredService<CallerResolver>().ResolveAsync(ctx.HttpContext);
        if (caller.IsAnonymous)
        {
            return ScimResponses.Error(401, "SCIM needs `Authorization: Bearer` with an API key of scope scim; create one with POST /v1/admin/api-keys and paste it into the identity provider.");
        }
        if (!caller.Scopes.Contains("scim"))
        {
            return ScimResponses.Error(403, "This credential lacks the scim scope; create an API key with scopes [\"scim\"] for the identity provider.");
        }
        return await next(ctx);
    };

    /// <summary>The JSON object body, or null when it is missing or not an object (the caller answers 400).</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: ct) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>RFC 7644 §3.4.2.4 paging: 1-based startIndex, count capped so one answer stays small.</summary>
    public static (int Skip, int Take, int StartIndex) Paging(HttpRequest request)
    {
        var start = int.TryParse(request.Query["startIndex"], out var s) && s > 0 ? s : 1;
        var count = int.TryParse(request.Query["count"], out var c) && c >= 0 ? Math.Min(c, 1000) : 100;
        return (start - 1, count, start);
    }

    /// <summary>Reads a SCIM string attribute, tolerating any casing of the attribute name (SCIM names are case-insensitive).</summary>
    public static JsonNode? Get(JsonObject obj, string name) =>
        obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static string? GetString(JsonObject obj, string name) => AsString(Get(obj, name));

    public static string? AsString(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A boolean that some IdPs send as the string "True"/"False".</summary>
    public static bool? AsBool(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) && bool.TryParse(s, out var b) => b,
        _ => null,
    };

    /// <summary>The `Operations` of a PatchOp body, or null when the body is not one.</summary>
    public static JsonArray? Operations(JsonObject body) => Get(body, "Operations") as JsonArray;
}
