using System.Security.Cryptography;
using Cdx.Governance.Auth;
using Cdx.Governance.Data;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Compliance;

/// <summary>
/// Appends records to a workspace's hash chain (one chain per compliance event type). Each append
/// runs in one transaction that first locks the chain head with an UPDATE (a row lock on
/// PostgreSQL, the write lock on SQLite), then writes records, the file index and the new head
/// with an optimistic version check; any conflict (another instance, a duplicate key race) rolls
/// back and retries, so the chain never forks and no record is stored twice.
/// </summary>
internal sealed class ComplianceChain(GovernanceDb db, TimeProvider time)
{
    private const int MaxAttempts = 12;

    /// <summary>
    /// Locks the chain, asks <paramref name="produce"/> for the records (it runs inside the
    /// transaction, so it may change rows under the same lock), drops those whose idempotency key
    /// is already stored, appends the rest and returns how many were appended.
    /// </summary>
    public async Task<int> AppendAsync(string workspaceId, string eventType,
        Func<GovernanceDb, long, CancellationToken, Task<IReadOnlyList<PendingRecord>>> produce, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var locked = await db.Set<ChainHeadRow>()
                    .Where(h => h.WorkspaceId == workspaceId && h.EventType == eventType)
                    .ExecuteUpdateAsync(s => s.SetProperty(h => h.Version, h => h.Version + 1), ct);
                if (locked == 0)
                {
                    db.Add(new ChainHeadRow { WorkspaceId = workspaceId, EventType = eventType, Hash = ComplianceHashing.Genesis });
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    continue;
                }
                var head = await db.Set<ChainHeadRow>().SingleAsync(h => h.WorkspaceId == workspaceId && h.EventType == eventType, ct);
                var now = Math.Max(time.GetUtcNow().ToUnixTimeSeconds(), head.LastReceivedAt);
                var pending = await produce(db, now, ct);
                var fresh = await FreshAsync(pending, ct);
                await WriteAsync(head, workspaceId, eventType, now, fresh, ct);
                head.Version++;
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return fresh.Count;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                await tx.RollbackAsync(CancellationToken.None);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), ct);
            }
        }
    }

    /// <summary>Appends fixed records (ingestion).</summary>
    public Task<int> AppendAsync(string workspaceId, string eventType, IReadOnlyList<PendingRecord> records, CancellationToken ct) =>
        records.Count == 0 ? Task.FromResult(0) : AppendAsync(workspaceId, eventType, (_, _, _) => Task.FromResult(records), ct);

    private async Task<List<PendingRecord>> FreshAsync(IReadOnlyList<PendingRecord> pending, CancellationToken ct)
    {
        var keys = pending.Select(p => p.IdempotencyKey).Distinct().ToList();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            existing.UnionWith(await db.Set<ComplianceRecordRow>().Where(r => chunk.Contains(r.IdempotencyKey)).Select(r => r.IdempotencyKey).ToListAsync(ct));
        }
        return pending.Where(p => existing.Add(p.IdempotencyKey)).ToList();
    }

    private async Task WriteAsync(ChainHeadRow head, string workspaceId, string eventType, long now, List<PendingRecord> fresh, CancellationToken ct)
    {
        if (fresh.Count == 0)
        {
            return;
        }
        var start = LogBuckets.StartOf(now);
        var fileId = LogBuckets.FileId(eventType, start);
        var file = await db.Set<LogFileRow>().SingleOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is null)
        {
            file = new LogFileRow
            {
                Id = fileId, WorkspaceId = workspaceId, EventType = eventType, StartTime = start, EndTime = start + LogBuckets.Seconds,
                FirstSeq = head.Seq + 1, PrevHash = head.Hash, HeadHash = head.Hash,
            };
            db.Add(file);
        }
        foreach (var p in fresh)
        {
            var row = new ComplianceRecordRow
            {
                Id = Secrets.NewId("rec_"), WorkspaceId = workspaceId, EventType = eventType, Seq = head.Seq + 1,
                IdempotencyKey = p.IdempotencyKey, Kind = p.Kind, Timestamp = p.Timestamp, ReceivedAt = now,
                UserId = p.UserId, UserEmail = p.UserEmail, ThreadId = p.ThreadId, TurnId = p.TurnId, Client = p.Client,
                Model = p.Model, EnvironmentId = p.EnvironmentId, Payload = p.Payload,
                PayloadHash = ComplianceHashing.PayloadHash(p.UserEmail, p.Payload), PrevHash = head.Hash, Hash = "",
            };
            row.Hash = ComplianceHashing.RecordHash(row.Fields());
            db.Add(row);
            head.Seq = row.Seq;
            head.Hash = row.Hash;
        }
        head.LastReceivedAt = now;
        file.LastSeq = head.Seq;
        file.HeadHash = head.Hash;
        file.RecordCount = file.LastSeq - file.FirstSeq + 1;
    }

    /// <summary>A fresh idempotency key for a record the server writes itself.</summary>
    public static string ServerKey() => "server:" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
