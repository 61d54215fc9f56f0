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
    public async Task<(List<object> Rows, string? Next)> UsageByUserAsync(AnalyticsWindow w, CancellationToken ct)
    {
        var events = InWindow(w);
        long cb = w.CursorBucket ?? long.MinValue;
        var ck = w.CursorKey;
        var groups = await events
            .GroupBy(e => new { B = (e.Timestamp - w.Origin) / w.Size, e.UserId })
            .Select(g => new UsageAggregate
            {
                Bucket = g.Key.B, Key = g.Key.UserId,
                Threads = g.Select(x => x.ThreadId).Distinct().Count(), Turns = g.Select(x => x.TurnId).Distinct().Count(),
                Responses = g.Count(), Input = g.Sum(x => x.InputTokens), Cached = g.Sum(x => x.CachedInputTokens),
                Output = g.Sum(x => x.OutputTokens), Reasoning = g.Sum(x => x.ReasoningTokens),
            })
            .Where(r => r.Bucket > cb || (r.Bucket == cb && string.Compare(r.Key, ck) > 0))
            .OrderBy(r => r.Bucket).ThenBy(r => r.Key).Take(w.Limit + 1).ToListAsync(ct);
        var page = groups.Take(w.Limit).ToList();
        var users = page.Select(p => p.Key).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        var clients = await ClientsAsync(w, page, byUser: true, ct);
        var rows = page.Select(p => (object)new
        {
            @object = "codex.usage", start_time = w.RowStart(p.Bucket), end_time = w.RowEnd(p.Bucket),
            user = new { id = p.Key, email = emails.GetValueOrDefault(p.Key) },
            threads = p.Threads, turns = p.Turns, responses = p.Responses, tokens = Tokens(p),
            clients = clients.Where(c => c.Bucket == p.Bucket && c.Owner == p.Key).Select(ClientRow),
        }).ToList();
        return (rows, Next(groups, w));
    }

    public async Task<(List<object> Rows, string? Next)> UsageByWorkspaceAsync(AnalyticsWindow w, CancellationToken ct)
    {
        long cb = w.CursorBucket ?? long.MinValue;
        var groups = await InWindow(w)
            .GroupBy(e => (e.Timestamp - w.Origin) / w.Size)
            .Select(g => new UsageAggregate
            {
                Bucket = g.Key, Key = "", ActiveUsers = g.Select(x => x.UserId).Distinct().Count(),
                Threads = g.Select(x => x.ThreadId).Distinct().Count(), Turns = g.Select(x => x.TurnId).Distinct().Count(),
                Responses = g.Count(), Input = g.Sum(x => x.InputTokens), Cached = g.Sum(x => x.CachedInputTokens),
                Output = g.Sum(x => x.OutputTokens), Reasoning = g.Sum(x => x.ReasoningTokens),
            })
            .Where(r => r.Bucket > cb).OrderBy(r => r.Bucket).Take(w.Limit + 1).ToListAsync(ct);
        var page = groups.Take(w.Limit).ToList();
        var clients = await ClientsAsync(w, page, byUser: false, ct);
        var rows = page.Select(p => (object)new
        {
            @object = "codex.usage", start_time = w.RowStart(p.Bucket), end_time = w.RowEnd(p.Bucket), user = (object?)null,
            active_users = p.ActiveUsers, threads = p.Threads, turns = p.Turns, responses = p.Responses, tokens = Tokens(p),
            clients = clients.Where(c => c.Bucket == p.Bucket).Select(ClientRow),
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

    private IQueryable<UsageEventRow> InWindow(AnalyticsWindow w)
    {
        long start = w.Start, end = w.End;
        return db.Set<UsageEventRow>().AsNoTracking().Where(e => e.Timestamp >= start && e.Timestamp < end);
    }

    private IQueryable<CodeReviewEventRow> ReviewEvents(AnalyticsWindow w, string kind)
    {
        long start = w.Start, end = w.End;
        return db.Set<CodeReviewEventRow>().AsNoTracking().Where(e => e.Kind == kind && e.Timestamp >= start && e.Timestamp < end);
    }

    // The per-client breakdown of the page's rows, in one more grouped query over the same window.
    private async Task<List<UsageAggregate>> ClientsAsync(AnalyticsWindow w, List<UsageAggregate> page, bool byUser, CancellationToken ct)
    {
        if (page.Count == 0)
        {
            return [];
        }
        var events = InWindow(w);
        long first = page[0].Bucket, last = page[^1].Bucket;
        long lo = w.Origin + (first * w.Size), hi = w.Origin + ((last + 1) * w.Size);
        events = events.Where(e => e.Timestamp >= lo && e.Timestamp < hi);
        if (byUser)
        {
            var users = page.Select(p => p.Key).Distinct().ToList();
            events = events.Where(e => users.Contains(e.UserId));
        }
        return await events
            .GroupBy(e => new { B = (e.Timestamp - w.Origin) / w.Size, Owner = byUser ? e.UserId : "", e.Client })
            .Select(g => new UsageAggregate
            {
                Bucket = g.Key.B, Owner = g.Key.Owner, Key = g.Key.Client ?? "unknown",
                Threads = g.Select(x => x.ThreadId).Distinct().Count(), Turns = g.Select(x => x.TurnId).Distinct().Count(),
                Responses = g.Count(), Input = g.Sum(x => x.InputTokens), Cached = g.Sum(x => x.CachedInputTokens),
                Output = g.Sum(x => x.OutputTokens), Reasoning = g.Sum(x => x.ReasoningTokens),
            }).ToListAsync(ct);
    }

    private static object Tokens(UsageAggregate a) => new { input = a.Input, cached_input = a.Cached, output = a.Output, reasoning = a.Reasoning };

    private static object ClientRow(UsageAggregate c) => new { client_id = c.Key, threads = c.Threads, turns = c.Turns, responses = c.Responses, tokens = Tokens(c) };

    private static string? Next(List<UsageAggregate> groups, AnalyticsWindow w) =>
        groups.Count > w.Limit ? AnalyticsWindow.Cursor(groups[w.Limit - 1].Bucket, groups[w.Limit - 1].Key) : null;
}
