using Cdx.Governance.Client.Telemetry;
using Cdx.Governance.Data;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Ingestion;

/// <summary>
/// Usage of one (workspace, span, start, user, client, model): sums over the stored usage events, so
/// the `usage` query reads a few rows per user and day instead of every event. Two spans are kept:
/// UTC days (whole days of a window) and UTC hours (the whole hours of a window's partial edge days).
/// <see cref="Turns"/> counts the user's turns first seen on that UTC day, under the client, model
/// and hour of their first stored event.
/// </summary>
internal sealed class UsageRollupRow
{
    public required string WorkspaceId { get; set; }
    public long Span { get; set; }
    public long Start { get; set; }
    public required string UserId { get; set; }
    public required string Client { get; set; }
    public required string Model { get; set; }
    public long Responses { get; set; }
    public long InputTokens { get; set; }
    public long CachedInputTokens { get; set; }
    public long OutputTokens { get; set; }
    public long ReasoningTokens { get; set; }
    public long Turns { get; set; }
}

/// <summary>A thread seen in a day or hour from a user and client: distinct threads over days and weeks are counted here.</summary>
internal sealed class UsageRollupThreadRow
{
    public required string WorkspaceId { get; set; }
    public long Span { get; set; }
    public long Start { get; set; }
    public required string UserId { get; set; }
    public required string Client { get; set; }
    public required string ThreadId { get; set; }
}

/// <summary>A turn seen on a UTC day from a user: only consulted when ingesting, so a turn is counted once per day.</summary>
internal sealed class UsageDailyTurnRow
{
    public required string WorkspaceId { get; set; }
    public required string UserId { get; set; }
    public long Day { get; set; }
    public required string TurnId { get; set; }
}

/// <summary>
/// Keeps the rollup in step with <c>usage_events</c>: called inside the ingestion transaction with
/// the events that were newly stored (never duplicates), so a retried batch changes nothing twice.
/// A concurrent batch creating the same rollup row makes the insert fail; the caller's retry loop
/// then rolls back and sees the row.
/// </summary>
internal static class UsageRollup
{
    public const long Day = 86400;
    public const long Hour = 3600;

    public static string ClientKey(string? client) => client ?? "unknown";

    public static string ModelKey(string? model) => model ?? "";

    public static long Floor(long timestamp, long span) => timestamp - (((timestamp % span) + span) % span);

    public static async Task AddAsync(GovernanceDb db, string workspaceId, string userId, IReadOnlyList<TelemetryEvent> fresh, CancellationToken ct)
    {
        var usage = fresh.Where(e => e.Type == TelemetryEventTypes.Usage).OrderBy(e => e.Timestamp).ToList();
        if (usage.Count == 0)
        {
            return;
        }
        var minDay = usage.Min(e => Floor(e.Timestamp, Day));
        var maxDay = usage.Max(e => Floor(e.Timestamp, Day));

        // Turns first seen on a day (for this user) count under the client, model and hour of their first event.
        var turnCounts = new Dictionary<(long Span, long Start, string Client, string Model), long>();
        var turns = usage.Where(e => e.TurnId is not null).GroupBy(e => (Day: Floor(e.Timestamp, Day), Turn: e.TurnId!)).ToList();
        var knownTurns = new HashSet<(long, string)>();
        foreach (var chunk in turns.Select(g => g.Key.Turn).Distinct().Chunk(500))
        {
            var rows = await db.Set<UsageDailyTurnRow>().Where(t => t.WorkspaceId == workspaceId && t.UserId == userId
                && t.Day >= minDay && t.Day <= maxDay && chunk.Contains(t.TurnId)).Select(t => new { t.Day, t.TurnId }).ToListAsync(ct);
            knownTurns.UnionWith(rows.Select(r => (r.Day, r.TurnId)));
        }
        foreach (var g in turns.Where(g => !knownTurns.Contains(g.Key)))
        {
            db.Add(new UsageDailyTurnRow { WorkspaceId = workspaceId, UserId = userId, Day = g.Key.Day, TurnId = g.Key.Turn });
            var first = g.First();
            foreach (var span in new[] { Day, Hour })
            {
                var key = (span, Floor(first.Timestamp, span), ClientKey(first.Client), ModelKey(first.Model));
                turnCounts[key] = turnCounts.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var span in new[] { Day, Hour })
        {
            var threads = usage.Where(e => e.ThreadId is not null).Select(e => (Start: Floor(e.Timestamp, span), Client: ClientKey(e.Client), Thread: e.ThreadId!)).Distinct().ToList();
            var knownThreads = new HashSet<(long, string, string)>();
            foreach (var chunk in threads.Select(t => t.Thread).Distinct().Chunk(500))
            {
                var rows = await db.Set<UsageRollupThreadRow>().Where(t => t.WorkspaceId == workspaceId && t.Span == span && t.UserId == userId
                    && t.Start >= minDay && t.Start < maxDay + Day && chunk.Contains(t.ThreadId)).Select(t => new { t.Start, t.Client, t.ThreadId }).ToListAsync(ct);
                knownThreads.UnionWith(rows.Select(r => (r.Start, r.Client, r.ThreadId)));
            }
            foreach (var t in threads.Where(t => !knownThreads.Contains(t)))
            {
                db.Add(new UsageRollupThreadRow { WorkspaceId = workspaceId, Span = span, Start = t.Start, UserId = userId, Client = t.Client, ThreadId = t.Thread });
            }

            foreach (var g in usage.GroupBy(e => (Start: Floor(e.Timestamp, span), Client: ClientKey(e.Client), Model: ModelKey(e.Model))))
            {
                var (start, client, model) = g.Key;
                long n = g.Count(), input = g.Sum(e => e.Tokens?.Input ?? 0), cached = g.Sum(e => e.Tokens?.CachedInput ?? 0);
                long output = g.Sum(e => e.Tokens?.Output ?? 0), reasoning = g.Sum(e => e.Tokens?.Reasoning ?? 0);
                var newTurns = turnCounts.GetValueOrDefault((span, start, client, model));
                var updated = await db.Set<UsageRollupRow>()
                    .Where(r => r.WorkspaceId == workspaceId && r.Span == span && r.Start == start && r.UserId == userId && r.Client == client && r.Model == model)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(r => r.Responses, r => r.Responses + n)
                        .SetProperty(r => r.InputTokens, r => r.InputTokens + input)
                        .SetProperty(r => r.CachedInputTokens, r => r.CachedInputTokens + cached)
                        .SetProperty(r => r.OutputTokens, r => r.OutputTokens + output)
                        .SetProperty(r => r.ReasoningTokens, r => r.ReasoningTokens + reasoning)
                        .SetProperty(r => r.Turns, r => r.Turns + newTurns), ct);
                if (updated == 0)
                {
                    db.Add(new UsageRollupRow
                    {
                        WorkspaceId = workspaceId, Span = span, Start = start, UserId = userId, Client = client, Model = model, Responses = n,
                        InputTokens = input, CachedInputTokens = cached, OutputTokens = output, ReasoningTokens = reasoning, Turns = newTurns,
                    });
                }
            }
        }
    }
}
