using Cdx.Governance.Auth;
using Cdx.Governance.Client.Telemetry;
using Cdx.Governance.Data;
using Cdx.Governance.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Ingestion;

/// <summary>`POST /v1/clients/events`: where agents ship usage and compliance events (as their user, through an access token).</summary>
internal static class IngestionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/clients/events", async (HttpContext http, CallerResolver callers, GovernanceDb db, IngestionService ingestion, CancellationToken ct) =>
        {
            EventBatch? batch;
            try
            {
                batch = await http.Request.ReadFromJsonAsync(TelemetryJsonContext.Default.EventBatch, ct);
            }
            catch (System.Text.Json.JsonException ex)
            {
                return Problems.BadRequest($"The body is not a valid event batch ({ex.Message}); send {{\"events\": [...]}} as documented in docs/governance-analytics.md.");
            }
            if (EventValidator.Check(batch) is { } problem)
            {
                return Problems.BadRequest(problem);
            }
            var caller = await callers.ResolveAsync(http);
            var workspace = await db.Workspaces.AsNoTracking().SingleAsync(ct);
            var result = await ingestion.IngestAsync(workspace.Id, caller.UserId!, caller.UserEmail!, batch!.Events, ct);
            return (IResult)TypedResults.Json(result, TelemetryJsonContext.Default.EventBatchResult);
        }).AddEndpointFilterFactory(Require.User);
    }
}
