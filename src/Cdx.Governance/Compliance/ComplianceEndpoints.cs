using System.Buffers;
using System.Text.Json;
using Cdx.Governance.Auth;
using Cdx.Governance.Client.Telemetry;
using Cdx.Governance.Data;
using Cdx.Governance.Endpoints;
using Cdx.Governance.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Compliance;

/// <summary>The Compliance API under `/v1/compliance/workspaces/{workspace_id}/` (scopes `read` and `delete`).</summary>
internal static class ComplianceEndpoints
{
    private const int DownloadChunk = 2000;

    public static void Map(IEndpointRouteBuilder app)
    {
        var ws = app.MapGroup("/v1/compliance/workspaces/{workspace_id}").AddEndpointFilterFactory(WorkspaceRoute.Filter);
        var read = ws.MapGroup("").AddEndpointFilterFactory(Require.Scope("read"));
        read.MapGet("/logs", ListLogsAsync);
        read.MapGet("/logs/{log_file_id}", DownloadAsync);
        read.MapGet("/codex_tasks", ListTasksAsync);
        read.MapGet("/codex_environments", ListEnvironmentsAsync);
        ws.MapDelete("/users/{user_id}/records", DeleteUserAsync).AddEndpointFilterFactory(Require.Scope("delete"));
    }

    private static async Task<IResult> ListLogsAsync(string workspace_id, string? event_type, string? after, int? limit,
        GovernanceDb db, TimeProvider time, CancellationToken ct)
    {
        if (event_type is null || !TelemetryEventTypes.ComplianceTypes.Contains(event_type))
        {
            return Problems.BadRequest($"`event_type` must be one of {string.Join(", ", TelemetryEventTypes.ComplianceTypes)}; add ?event_type=CODEX_LOG.");
        }
        if (Limit(limit, 100, 1000) is not { } take)
        {
            return Problems.BadRequest("`limit` must be between 1 and 1000; omit it for 100.");
        }
        long afterUnix = long.MinValue;
        if (after is not null && !WireTime.TryParse(after, out afterUnix))
        {
            return Problems.BadRequest($"`after` `{after}` is not a time; pass an ISO-8601 time with zone (the previous `last_end_time`) or Unix seconds.");
        }
        var closed = LogBuckets.ClosedBefore(time.GetUtcNow().ToUnixTimeSeconds());
        var files = await db.Set<LogFileRow>().AsNoTracking()
            .Where(f => f.WorkspaceId == workspace_id && f.EventType == event_type && f.EndTime > afterUnix && f.EndTime <= closed)
            .OrderBy(f => f.EndTime).Take(take + 1).ToListAsync(ct);
        var page = files.Take(take).ToList();
        return TypedResults.Json(new
        {
            @object = "list",
            data = page.Select(f => new
            {
                id = f.Id, @object = LogFileWriter.TrailerObject, event_type = f.EventType, start_time = WireTime.Iso(f.StartTime),
                end_time = WireTime.Iso(f.EndTime), record_count = f.RecordCount, first_seq = f.FirstSeq, last_seq = f.LastSeq,
                prev_hash = f.PrevHash, head_hash = f.HeadHash,
            }),
            has_more = files.Count > take,
            last_end_time = page.Count == 0 ? null : WireTime.Iso(page[^1].EndTime),
        });
    }

    private static async Task<IResult> DownloadAsync(string workspace_id, string log_file_id, HttpContext http, GovernanceDb db, TimeProvider time, CancellationToken ct)
    {
        var closed = LogBuckets.ClosedBefore(time.GetUtcNow().ToUnixTimeSeconds());
        var file = await db.Set<LogFileRow>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == log_file_id && f.WorkspaceId == workspace_id && f.EndTime <= closed, ct);
        if (file is null)
        {
            return Problems.NotFound("closed log file", log_file_id);
        }
        http.Response.ContentType = "application/x-ndjson";
        http.Response.Headers["X-Cdx-Chain-Head"] = file.HeadHash;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{file.Id}.jsonl\"";
        var body = http.Response.BodyWriter;
        var seq = file.FirstSeq - 1;
        while (seq < file.LastSeq)
        {
            var chunk = await db.Set<ComplianceRecordRow>().AsNoTracking()
                .Where(r => r.WorkspaceId == workspace_id && r.EventType == file.EventType && r.Seq > seq && r.Seq <= file.LastSeq)
                .OrderBy(r => r.Seq).Take(DownloadChunk).ToListAsync(ct);
            if (chunk.Count == 0)
            {
                break;
            }
            foreach (var r in chunk)
            {
                using (var w = new Utf8JsonWriter(body))
                {
                    LogFileWriter.WriteRecord(w, r);
                }
                body.Write("\n"u8);
            }
            seq = chunk[^1].Seq;
            await body.FlushAsync(ct);
        }
        using (var w = new Utf8JsonWriter(body))
        {
            LogFileWriter.WriteTrailer(w, file);
        }
        body.Write("\n"u8);
        await body.FlushAsync(ct);
        return Results.Empty;
    }

    private static async Task<IResult> ListTasksAsync(string? after, int? limit, GovernanceDb db, CancellationToken ct)
    {
        if (Limit(limit, 100, 1000) is not { } take)
        {
            return Problems.BadRequest("`limit` must be between 1 and 1000; omit it for 100.");
        }
        var rows = await (from t in db.Set<CodexTaskRow>().AsNoTracking()
                          join u in db.Users on t.UserId equals u.Id into users
                          from u in users.DefaultIfEmpty()
                          where after == null || string.Compare(t.Id, after) > 0
                          orderby t.Id
                          select new { t, Email = u == null ? null : u.Email }).Take(take + 1).ToListAsync(ct);
        var page = rows.Take(take).ToList();
        return TypedResults.Json(new
        {
            @object = "list",
            data = page.Select(x => new
            {
                id = x.t.Id, @object = "codex.task", thread_id = x.t.ThreadId, user = new { id = x.t.UserId, email = x.Email },
                client = x.t.Client, model = x.t.Model, environment_id = x.t.EnvironmentId,
                first_seen_at = x.t.FirstSeenAt, last_seen_at = x.t.LastSeenAt, usage_events = x.t.UsageEvents,
                tokens = new { input = x.t.InputTokens, cached_input = x.t.CachedInputTokens, output = x.t.OutputTokens, reasoning = x.t.ReasoningTokens },
            }),
            has_more = rows.Count > take,
            last_id = page.Count == 0 ? null : page[^1].t.Id,
        });
    }

    private static async Task<IResult> ListEnvironmentsAsync(string? after, int? limit, GovernanceDb db, CancellationToken ct)
    {
        if (Limit(limit, 100, 1000) is not { } take)
        {
            return Problems.BadRequest("`limit` must be between 1 and 1000; omit it for 100.");
        }
        var rows = await db.Set<CodexEnvironmentRow>().AsNoTracking()
            .Where(e => after == null || string.Compare(e.Id, after) > 0)
            .OrderBy(e => e.Id).Take(take + 1).ToListAsync(ct);
        var page = rows.Take(take).ToList();
        return TypedResults.Json(new
        {
            @object = "list",
            data = page.Select(e => new
            {
                id = e.Id, @object = "codex.environment", user_id = e.UserId, machine_id = e.MachineId, hostname = e.Hostname,
                os = e.Os, cwd = e.Cwd, git_remote = e.GitRemote, first_seen_at = e.FirstSeenAt, last_seen_at = e.LastSeenAt,
            }),
            has_more = rows.Count > take,
            last_id = page.Count == 0 ? null : page[^1].Id,
        });
    }

    private static async Task<IResult> DeleteUserAsync(string workspace_id, string user_id, HttpContext http, CallerResolver callers,
        ComplianceMaintenance maintenance, CancellationToken ct)
    {
        var caller = await callers.ResolveAsync(http);
        var counts = await maintenance.DeleteUserAsync(workspace_id, user_id, caller.Name, ct);
        return TypedResults.Json(new { @object = "compliance.deletion", user_id, deleted = counts });
    }

    private static int? Limit(int? limit, int fallback, int max) => limit switch
    {
        null => fallback,
        >= 1 when limit <= max => limit,
        _ => null,
    };
}
