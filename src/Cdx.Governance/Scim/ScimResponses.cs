using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cdx.Governance.Scim;

/// <summary>SCIM bodies (RFC 7644 §3.12, §3.4.2) with the `application/scim+json` media type.</summary>
internal static class ScimResponses
{
    public const string MediaType = "application/scim+json";
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string ListSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string PatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";

    public static ContentHttpResult Json(JsonNode body, int status = 200) =>
        TypedResults.Content(body.ToJsonString(), MediaType, Encoding.UTF8, status);

    /// <summary>An Error body; <paramref name="detail"/> is one sentence naming the problem and the way out.</summary>
    public static ContentHttpResult Error(int status, string detail, string? scimType = null)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ErrorSchema),
            ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["detail"] = detail,
        };
        if (scimType is not null)
        {
            body["scimType"] = scimType;
        }
        return Json(body, status);
    }

    public static ContentHttpResult NotFound(string what, string id) =>
        Error(404, $"No {what} with id `{id}` exists; list /scim/v2/{what}s with a filter to find it.");

    public static ContentHttpResult List(IReadOnlyList<JsonNode> resources, int total, int startIndex)
    {
        var array = new JsonArray();
        foreach (var r in resources)
        {
            array.Add(r);
        }
        return Json(new JsonObject
        {
            ["schemas"] = new JsonArray(ListSchema),
            ["totalResults"] = total,
            ["startIndex"] = startIndex,
            ["itemsPerPage"] = resources.Count,
            ["Resources"] = array,
        });
    }

    public static string Timestamp(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
