using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cdx.Governance.Endpoints;

/// <summary>ProblemDetails responses whose detail is one sentence with the place and the way out.</summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: 400, title: "Bad request", detail: detail, extensions: extensions);

    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No {what} with id `{id}` exists; list them to find the right id.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: 409, title: "Conflict", detail: detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: detail);
}
