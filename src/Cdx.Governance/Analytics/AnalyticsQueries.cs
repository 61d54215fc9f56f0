using Cdx.Governance.Data;
using Cdx.Governance.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Analytics;

/// <summary>
/// Aggregations behind the Analytics API. Rows are ordered by (bucket, key) and paged with a
/// keyset cursor on that pair, so rows inserted while a client pages never shift or repeat rows.
/// </summary>
internal sealed class AnalyticsQueries(GovernanceDb db)
{
    public async Task<(List<object> Rows, string? Next)> UsageByUserAsync(string workspaceId, AnalyticsWindow w, CancellationToken ct)
    {
        long cb = w.CursorBucket ?? long.MinValue;
        var ck = w.CursorKey;
        var groups = await Fragments(workspaceId, w)
            .GroupBy(f => new { B = (f.Start - w.Origin) / w.Size, f.UserId })
            .Select(g => new UsageAggregate
            {
                Bucket = g.Key.B, Key = g.Key.UserId, Turns = g.Sum(x => x.Turns), Responses = g.Sum(x => x.Responses),
                Input = g.Sum(x => x.Input), Cached = g.Sum(x => x.Cached), Output = g.Sum(x => x.Output), Reasoning = g.Sum(x => x.Reasoning),
            })
            .Where(r => r.Bucket > cb || (r.Bucket == cb && string.Compare(r.Key, ck) > 0))
            .OrderBy(r => r.Bucket).ThenBy(r => r.Key).Take(w.Limit + 1).ToListAsync(ct);
        var page = groups.Take(w.Limit).ToList();
        var users = page.Select(p => p.Key).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        var (clients, threads) = await DetailsAsync(workspaceId, w, page, byUser: true, ct);
        var rows = page.Select(p => (object)new
        {
            @object = "codex.usage", start_time = w.RowStart(p.Bucket), end_time = w.RowEnd(p.Bucket),
            user = new { id = p.Key, email = emails.GetValueOrDefault(p.Key) },
            threads = threads.GetValueOrDefault((p.Bucket, p.Key, "")), turns = p.Turns, responses = p.Responses, tokens = Tokens(p),
            clients = clients.Where(c => c.Bucket == p.Bucket && c.Owner == p.Key).Select(c => ClientRow(c, threads.GetValueOrDefault((c.Bucket, c.Owner, c.Key)))),
        }).ToList();
        return (rows, Next(groups, w));
    }

    public async Task<(List<object> Rows, string? Next)> UsageByWorkspaceAsync(string workspaceId, AnalyticsWindow w, CancellationToken ct)
    {
        long cb = w.CursorBucket ?? long.MinValue;
        var groups = await Fragments(workspaceId, w)
            .GroupBy(f => (f.Start - w.Origin) / w.Size)
            .Select(g => new UsageAggregate
            {
                Bucket = g.Key, Key = "", ActiveUsers = g.Select(x => x.UserId).Distinct().Count(),
                Turns = g.Sum(x => x.Turns), Responses = g.Sum(x => x.Responses),
                Input = g.Sum(x => x.Input), Cached = g.Sum(x => x.Cached), Output = g.Sum(x => x.Output), Reasoning = g.Sum(x => x.Reasoning),
            })
            .Where(r => r.Bucket > cb).OrderBy(r => r.Bucket).Take(w.Limit + 1).ToListAsync(ct);
        var page = groups.Take(w.Limit).ToList();
        var (clients, threads) = await DetailsAsync(workspaceId, w, page, byUser: false, ct);
        var rows = page.Select(p => (object)new
        {
            @object = "codex.usage", start_time = w.RowStart(p.Bucket), end_time = w.RowEnd(p.Bucket), user = (object?)null,
            active_users = p.ActiveUsers, threads = threads.GetValueOrDefault((p.Bucket, "", "")), turns = p.Turns, responses = p.Responses, tokens = Tokens(p),
            clients = clients.Where(c => c.Bucket == p.Bucket).Select(c => ClientRow(c, threads.GetValueOrDefault((c.Bucket, "", c.Key)))),
        }).ToList();
        return (rows, Next(groups, w));
    }

    public async Task<(List<object> Rows, string? Next)> CodeReviewsAsync(AnalyticsWindow w, CancellationToken ct)
    {
        long cb = w.CursorBucket ?? long.MinValue;
        var groups = await ReviewEvents(w, "review")
            .GroupBy(e => (e.Timestamp - w.Origin) / w.Size)
            .Select(g => new { Bucket = g.Key, Reviews = g.Count(), Comments = g.Sum(x => x.Comments), P0 = g.Sum(x => x.P0), P1 = g.Sum(x => x.P1), P2 = g.Sum(x => x.P2) })
            .Where(r => r.Bucket > cb).OrderBy(r => r.Bucket).Take(w.Limit + 1).ToListAsync(ct);
        var rows = groups.Take(w.Limit).Select(p => (object)new
        {
            @object = "codex.code_reviews", start_time = w.RowStart(p.Bucket), end_time = w.RowEnd(p.Bucket),
            reviews = p.Reviews, comments = p.Comments, comments_by_priority = new { p0 = p.P0, p1 = p.P1, p2 = p.P2 },
        }).ToList();
        return (rows, groups.Count > w.Limit ? AnalyticsWindow.Cursor(groups[w.Limit - 1].Bucket, "") : null);
    }

    public async Task<(List<object> Rows, string? Next)> CodeReviewResponsesAsync(AnalyticsWindow w, CancellationToken ct)
    {
        long cb = w.CursorBucket ?? long.MinValue;
        var groups = await ReviewEvents(w, "response")
            .GroupBy(e => (e.Timestamp - w.Origin) / w.Size)
            .Select(g => new
            {
                Bucket = g.Key,
                Replies = g.Count(x => x.Reply),
                Positive = g.Count(x => x.Reaction == "positive"),
                Negative = g.Count(x => x.Reaction == "negative"),
                Other = g.Count(x => x.Reaction == "other"),
                WithReactions = g.Where(x => x.Reaction != null).Select(x => x.CommentId).Distinct().Count(),
                WithReplies = g.Where(x => x.Reply).Select(x => x.CommentId).Distinct().Count(),
                WithAny = g.Select(x => x.CommentId).Distinct().Count(),
            })
            .Where(r => r.Bucket > cb).OrderBy(r => r.Bucket).Take(w.Limit + 1).ToListAsync(ct);
        var rows = groups.Take(w.Limit).Select(p => (object)new
        {
            @object = "codex.code_review_responses", start_time = w.RowStart(p.Bucket), end_time = w.RowEnd(p.Bucket),
            replies = p.Replies, reactions = new { positive = p.Positive, negative = p.Negative, other = p.Other },
            comments_with_reactions = p.WithReactions, comments_with_replies = p.WithReplies, comments_with_responses = p.WithAny,
        }).ToList();
        return (rows, groups.Count > w.Limit ? AnalyticsWindow.Cursor(groups[w.Limit - 1].Bucket, "") : null);
    }

    // The window as (day or hour, user, client) fragments: whole UTC days from the daily rollup, whole
    // hours of the partial edge days from the hourly rollup, and the partial hours at either edge
    // aggregated from the raw events of just that range, so a row never counts an event outside
    // [start_time, end_time) and never scans more than two hours of raw events.
    private IQueryable<UsageFragment> Fragments(string workspaceId, AnalyticsWindow w)
    {
        var e = UsageEdges.Of(w.Start, w.End);
        var rollup = db.Set<UsageRollupRow>().AsNoTracking()
            .Where(r => r.WorkspaceId == workspaceId && ((r.Span == UsageRollup.Day && r.Start >= e.D0 && r.Start < e.D1)
                || (r.Span == UsageRollup.Hour && ((r.Start >= e.H0 && r.Start < e.H1) || (r.Start >= e.H2 && r.Start < e.H3)))))
            .Select(r => new UsageFragment
            {
                Start = r.Start, UserId = r.UserId, Client = r.Client, Turns = r.Turns, Responses = r.Responses,
                Input = r.InputTokens, Cached = r.CachedInputTokens, Output = r.OutputTokens, Reasoning = r.ReasoningTokens,
            });
        if (!e.HasRaw)
        {
            return rollup;
        }
        var raw = EdgeEvents(e)
            .GroupBy(x => new { Start = x.Timestamp - (x.Timestamp % UsageRollup.Hour), x.UserId, Client = x.Client ?? "unknown" })
            .Select(g => new UsageFragment
            {
                Start = g.Key.Start, UserId = g.Key.UserId, Client = g.Key.Client, Turns = g.Select(x => x.TurnId).Distinct().Count(),
                Responses = g.Count(), Input = g.Sum(x => x.InputTokens), Cached = g.Sum(x => x.CachedInputTokens),
                Output = g.Sum(x => x.OutputTokens), Reasoning = g.Sum(x => x.ReasoningTokens),
            });
        return rollup.Concat(raw);
    }

    private IQueryable<ThreadFragment> ThreadFragments(string workspaceId, UsageEdges e)
    {
        var rollup = db.Set<UsageRollupThreadRow>().AsNoTracking()
            .Where(r => r.WorkspaceId == workspaceId && ((r.Span == UsageRollup.Day && r.Start >= e.D0 && r.Start < e.D1)
                || (r.Span == UsageRollup.Hour && ((r.Start >= e.H0 && r.Start < e.H1) || (r.Start >= e.H2 && r.Start < e.H3)))))
            .Select(r => new ThreadFragment { Start = r.Start, UserId = r.UserId, Client = r.Client, ThreadId = r.ThreadId });
        if (!e.HasRaw)
        {
            return rollup;
        }
        return rollup.Concat(EdgeEvents(e).Where(x => x.ThreadId != null)
            .Select(x => new ThreadFragment { Start = x.Timestamp - (x.Timestamp % UsageRollup.Hour), UserId = x.UserId, Client = x.Client ?? "unknown", ThreadId = x.ThreadId! }));
    }

    private IQueryable<UsageEventRow> EdgeEvents(UsageEdges e) =>
        db.Set<UsageEventRow>().AsNoTracking().Where(x => (x.Timestamp >= e.A0 && x.Timestamp < e.A1) || (x.Timestamp >= e.B0 && x.Timestamp < e.B1));

    private IQueryable<CodeReviewEventRow> ReviewEvents(AnalyticsWindow w, string kind)
    {
        long start = w.Start, end = w.End;
        return db.Set<CodeReviewEventRow>().AsNoTracking().Where(e => e.Kind == kind && e.Timestamp >= start && e.Timestamp < end);
    }

    // The per-client breakdown of the page's rows and the distinct thread counts (per row and per
    // client, keyed (bucket, owner, client) with "" for "all"), restricted to the page's buckets and users.
    private async Task<(List<UsageAggregate> Clients, Dictionary<(long, string, string), int> Threads)> DetailsAsync(
        string workspaceId, AnalyticsWindow w, List<UsageAggregate> page, bool byUser, CancellationToken ct)
    {
        if (page.Count == 0)
        {
            return ([], []);
        }
        long first = page[0].Bucket, last = page[^1].Bucket;
        var pw = w with { Start = Math.Max(w.Start, w.BucketStart(first)), End = Math.Min(w.End, w.BucketStart(last + 1)) };
        var fragments = Fragments(workspaceId, pw);
        var threads = ThreadFragments(workspaceId, UsageEdges.Of(pw.Start, pw.End));
        if (byUser)
        {
            var users = page.Select(p => p.Key).Distinct().ToList();
            fragments = fragments.Where(f => users.Contains(f.UserId));
            threads = threads.Where(f => users.Contains(f.UserId));
        }
        var clients = await fragments
            .GroupBy(f => new { B = (f.Start - w.Origin) / w.Size, Owner = byUser ? f.UserId : "", f.Client })
            .Select(g => new UsageAggregate
            {
                Bucket = g.Key.B, Owner = g.Key.Owner, Key = g.Key.Client, Turns = g.Sum(x => x.Turns), Responses = g.Sum(x => x.Responses),
                Input = g.Sum(x => x.Input), Cached = g.Sum(x => x.Cached), Output = g.Sum(x => x.Output), Reasoning = g.Sum(x => x.Reasoning),
            }).ToListAsync(ct);
        var perClient = await threads
            .GroupBy(f => new { B = (f.Start - w.Origin) / w.Size, Owner = byUser ? f.UserId : "", f.Client })
            .Select(g => new { g.Key.B, g.Key.Owner, g.Key.Client, N = g.Select(x => x.ThreadId).Distinct().Count() }).ToListAsync(ct);
        var perRow = await threads
            .GroupBy(f => new { B = (f.Start - w.Origin) / w.Size, Owner = byUser ? f.UserId : "" })
            .Select(g => new { g.Key.B, g.Key.Owner, N = g.Select(x => x.ThreadId).Distinct().Count() }).ToListAsync(ct);
        var counts = perClient.ToDictionary(x => (x.B, x.Owner, x.Client), x => x.N);
        foreach (var x in perRow)
        {
            counts[(x.B, x.Owner, "")] = x.N;
        }
        return (clients, counts);
    }

    private static object Tokens(UsageAggregate a) => new { input = a.Input, cached_input = a.Cached, output = a.Output, reasoning = a.Reasoning };

    private static object ClientRow(UsageAggregate c, int threads) => new { client_id = c.Key, threads, turns = c.Turns, responses = c.Responses, tokens = Tokens(c) };

    private static string? Next(List<UsageAggregate> groups, AnalyticsWindow w) =>
        groups.Count > w.Limit ? AnalyticsWindow.Cursor(groups[w.Limit - 1].Bucket, groups[w.Limit - 1].Key) : null;
}
