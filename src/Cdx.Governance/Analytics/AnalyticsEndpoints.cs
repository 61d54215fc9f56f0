using Cdx.Governance.Auth;
using Cdx.Governance.Compliance;
using Cdx.Governance.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cdx.Governance.Analytics;

/// <summary>The Analytics API under `/v1/analytics/codex/workspaces/{workspace_id}/` (scope `codex.enterprise.analytics.read` only).</summary>
internal static class AnalyticsEndpoints
{
    public const string Scope = "codex.enterprise.analytics.read";

    public static void Map(IEndpointRouteBuilder app)
    {
        var ws = app.MapGroup("/v1/analytics/codex/workspaces/{workspace_id}")
            .AddEndpointFilterFactory(WorkspaceRoute.Filter)
            .AddEndpointFilterFactory(Require.Scope(Scope));
        ws.MapGet("/usage", (long? start_time, long? end_time, string? group_by, string? group, int? limit, string? page,
            AnalyticsQueries q, TimeProvider time, CancellationToken ct) =>
        {
            if (group is not null and not "workspace")
            {
                return Task.FromResult<IResult>(Problems.BadRequest($"`group` `{group}` is not supported; use group=workspace, or omit it for per-user rows."));
            }
            return RunAsync(start_time, end_time, group_by, limit, page, time,
                w => group is null ? q.UsageByUserAsync(w, ct) : q.UsageByWorkspaceAsync(w, ct));
        });
        ws.MapGet("/code_reviews", (long? start_time, long? end_time, string? group_by, int? limit, string? page, AnalyticsQueries q, TimeProvider time, CancellationToken ct) =>
            RunAsync(start_time, end_time, group_by, limit, page, time, w => q.CodeReviewsAsync(w, ct)));
        ws.MapGet("/code_review_responses", (long? start_time, long? end_time, string? group_by, int? limit, string? page, AnalyticsQueries q, TimeProvider time, CancellationToken ct) =>
            RunAsync(start_time, end_time, group_by, limit, page, time, w => q.CodeReviewResponsesAsync(w, ct)));
    }

    private static async Task<IResult> RunAsync(long? start, long? end, string? groupBy, int? limit, string? page, TimeProvider time,
        Func<AnalyticsWindow, Task<(List<object> Rows, string? Next)>> query)
    {
        var w = AnalyticsWindow.Parse(start, end, groupBy, limit, page, time.GetUtcNow().ToUnixTimeSeconds(), out var problem);
        if (w is null)
        {
            return Problems.BadRequest(problem!);
        }
        var (rows, next) = await query(w);
        return TypedResults.Json(new { @object = "page", data = rows, has_more = next is not null, next_page = next });
    }
}
