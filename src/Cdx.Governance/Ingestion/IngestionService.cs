using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cdx.Governance.Client.Telemetry;
using Cdx.Governance.Compliance;
using Cdx.Governance.Data;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Ingestion;

/// <summary>
/// Stores a validated batch for one user. Usage, code-review, task and environment rows go in one
/// transaction; each compliance type then goes through its chain. Every step skips keys already
/// stored, so a client retrying a batch after any failure gets each event stored exactly once.
/// </summary>
internal sealed class IngestionService(GovernanceDb db, ComplianceChain chain, TimeProvider time)
{
    private const int MaxAttempts = 8;

    public async Task<EventBatchResult> IngestAsync(string workspaceId, string userId, string email, IReadOnlyList<TelemetryEvent> events, CancellationToken ct)
    {
        // Duplicates inside one batch count as duplicates too.
        var unique = events.DistinctBy(e => e.IdempotencyKey).ToList();
        var accepted = await StoreAnalyticsAsync(workspaceId, userId, unique, ct);
        foreach (var type in TelemetryEventTypes.ComplianceTypes)
        {
            var records = unique.Where(e => e.Type == type).Select(e => new PendingRecord
            {
                IdempotencyKey = Key(userId, e), Kind = e.Kind!, Timestamp = e.Timestamp, UserId = userId, UserEmail = email,
                ThreadId = e.ThreadId, TurnId = e.TurnId, Client = e.Client, Model = e.Model,
                EnvironmentId = e.Environment is null ? null : EnvironmentId(userId, e.Environment),
                Payload = e.Payload is { } p ? ComplianceHashing.CanonicalPayload(p) : null,
            }).ToList();
            accepted += await chain.AppendAsync(workspaceId, type, records, ct);
        }
        return new EventBatchResult { Accepted = accepted, Duplicates = events.Count - accepted };
    }

    public static string EnvironmentId(string userId, TelemetryEnvironment env) =>
        "env_" + Digest($"{userId}\n{env.MachineId ?? env.Hostname}\n{env.Cwd}");

    public static string TaskId(string userId, string threadId) => "task_" + Digest($"{userId}\n{threadId}");

    private static string Key(string userId, TelemetryEvent e) => $"{userId}:{e.IdempotencyKey}";

    private static string Digest(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..24];

    private async Task<int> StoreAnalyticsAsync(string workspaceId, string userId, List<TelemetryEvent> events, CancellationToken ct)
    {
        var analytic = events.Where(e => !TelemetryEventTypes.ComplianceTypes.Contains(e.Type)).ToList();
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var now = time.GetUtcNow().ToUnixTimeSeconds();
                var fresh = await FreshAsync(userId, analytic, ct);
                foreach (var e in fresh)
                {
                    Add(userId, e, now);
                }
                await UsageRollup.AddAsync(db, workspaceId, userId, fresh, ct);
                await db.SaveChangesAsync(ct);
                await UpsertTasksAsync(userId, events, fresh, ct);
                await UpsertEnvironmentsAsync(userId, events, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return fresh.Count;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // A concurrent batch inserted the same key or the same task first; the retry sees it.
                await tx.RollbackAsync(CancellationToken.None);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), ct);
            }
        }
    }

    private async Task<List<TelemetryEvent>> FreshAsync(string userId, List<TelemetryEvent> events, CancellationToken ct)
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in events.Select(e => Key(userId, e)).Chunk(500))
        {
            existing.UnionWith(await db.Set<UsageEventRow>().Where(r => chunk.Contains(r.IdempotencyKey)).Select(r => r.IdempotencyKey).ToListAsync(ct));
            existing.UnionWith(await db.Set<CodeReviewEventRow>().Where(r => chunk.Contains(r.IdempotencyKey)).Select(r => r.IdempotencyKey).ToListAsync(ct));
        }
        return events.Where(e => !existing.Contains(Key(userId, e))).ToList();
    }

    private void Add(string userId, TelemetryEvent e, long now)
    {
        if (e.Type == TelemetryEventTypes.Usage)
        {
            var t = e.Tokens ?? new TelemetryTokens();
            db.Add(new UsageEventRow
            {
                IdempotencyKey = Key(userId, e), UserId = userId, ThreadId = e.ThreadId, TurnId = e.TurnId, Client = e.Client,
                Model = e.Model, Timestamp = e.Timestamp, ReceivedAt = now, InputTokens = t.Input, CachedInputTokens = t.CachedInput,
                OutputTokens = t.Output, ReasoningTokens = t.Reasoning,
            });
            return;
        }
        var p = e.Payload;
        db.Add(new CodeReviewEventRow
        {
            IdempotencyKey = Key(userId, e), UserId = userId, Timestamp = e.Timestamp,
            Kind = e.Type == TelemetryEventTypes.CodeReview ? "review" : "response",
            ReviewId = Str(p, "review_id"), CommentId = Str(p, "comment_id"), Comments = Num(p, "comments"),
            P0 = Num(p, "p0"), P1 = Num(p, "p1"), P2 = Num(p, "p2"),
            Reaction = Str(p, "reaction") is { } r ? (r is "positive" or "negative" ? r : "other") : null,
            Reply = p is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("reply", out var v) && v.ValueKind == JsonValueKind.True,
        });
    }

    private static string? Str(JsonElement? p, string name) =>
        p is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long Num(JsonElement? p, string name) =>
        p is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? Math.Max(0, n) : 0;

    // Seen-times are min/max (idempotent under retries); token sums only count fresh usage events, in the same transaction.
    private async Task UpsertTasksAsync(string userId, List<TelemetryEvent> all, List<TelemetryEvent> fresh, CancellationToken ct)
    {
        var freshUsage = fresh.Where(e => e.ThreadId is not null && e.Type == TelemetryEventTypes.Usage).ToLookup(e => e.ThreadId!, StringComparer.Ordinal);
        foreach (var g in all.Where(e => e.ThreadId is not null).GroupBy(e => e.ThreadId!))
        {
            var id = TaskId(userId, g.Key);
            var first = g.Min(e => e.Timestamp);
            var last = g.Max(e => e.Timestamp);
            var latest = g.MaxBy(e => e.Timestamp)!;
            var env = g.LastOrDefault(e => e.Environment is not null)?.Environment;
            var usage = freshUsage[g.Key].ToList();
            long n = usage.Count, input = usage.Sum(e => e.Tokens?.Input ?? 0), cached = usage.Sum(e => e.Tokens?.CachedInput ?? 0);
            long output = usage.Sum(e => e.Tokens?.Output ?? 0), reasoning = usage.Sum(e => e.Tokens?.Reasoning ?? 0);
            var updated = await db.Set<CodexTaskRow>().Where(t => t.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.FirstSeenAt, t => t.FirstSeenAt < first ? t.FirstSeenAt : first)
                .SetProperty(t => t.LastSeenAt, t => t.LastSeenAt > last ? t.LastSeenAt : last)
                .SetProperty(t => t.Client, t => latest.Client ?? t.Client)
                .SetProperty(t => t.Model, t => latest.Model ?? t.Model)
                .SetProperty(t => t.UsageEvents, t => t.UsageEvents + n)
                .SetProperty(t => t.InputTokens, t => t.InputTokens + input)
                .SetProperty(t => t.CachedInputTokens, t => t.CachedInputTokens + cached)
                .SetProperty(t => t.OutputTokens, t => t.OutputTokens + output)
                .SetProperty(t => t.ReasoningTokens, t => t.ReasoningTokens + reasoning), ct);
            if (updated == 0)
            {
                db.Add(new CodexTaskRow
                {
                    Id = id, UserId = userId, ThreadId = g.Key, Client = latest.Client, Model = latest.Model,
                    EnvironmentId = env is null ? null : EnvironmentId(userId, env), FirstSeenAt = first, LastSeenAt = last,
                    UsageEvents = n, InputTokens = input, CachedInputTokens = cached, OutputTokens = output, ReasoningTokens = reasoning,
                });
            }
        }
    }

    private async Task UpsertEnvironmentsAsync(string userId, List<TelemetryEvent> all, CancellationToken ct)
    {
        foreach (var g in all.Where(e => e.Environment is not null).GroupBy(e => EnvironmentId(userId, e.Environment!)))
        {
            var first = g.Min(e => e.Timestamp);
            var last = g.Max(e => e.Timestamp);
            var env = g.MaxBy(e => e.Timestamp)!.Environment!;
            var updated = await db.Set<CodexEnvironmentRow>().Where(x => x.Id == g.Key).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.FirstSeenAt, x => x.FirstSeenAt < first ? x.FirstSeenAt : first)
                .SetProperty(x => x.LastSeenAt, x => x.LastSeenAt > last ? x.LastSeenAt : last)
                .SetProperty(x => x.Hostname, x => env.Hostname ?? x.Hostname)
                .SetProperty(x => x.GitRemote, x => env.GitRemote ?? x.GitRemote), ct);
            if (updated == 0)
            {
                db.Add(new CodexEnvironmentRow
                {
                    Id = g.Key, UserId = userId, MachineId = env.MachineId, Hostname = env.Hostname, Os = env.Os, Cwd = env.Cwd,
                    GitRemote = env.GitRemote, FirstSeenAt = first, LastSeenAt = last,
                });
            }
        }
    }
}
