using System.Text.Json;
using Cdx.Governance.Client.Telemetry;
using Cdx.Governance.Data;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Compliance;

/// <summary>
/// Data-subject deletion and retention. Both keep every chain verifiable: a deletion clears a
/// record's email and payload but keeps its payload_hash and hash (tombstone), and retention drops
/// whole closed files from the old end; each then appends a record saying what it did.
/// </summary>
internal sealed class ComplianceMaintenance(GovernanceDb db, ComplianceChain chain)
{
    /// <summary>Tombstones every record of <paramref name="userId"/> in both chains and appends a `records_deleted` record to each; returns the count per type.</summary>
    public async Task<IReadOnlyDictionary<string, int>> DeleteUserAsync(string workspaceId, string userId, string requestedBy, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>();
        foreach (var type in TelemetryEventTypes.ComplianceTypes)
        {
            await chain.AppendAsync(workspaceId, type, async (tdb, now, c) =>
            {
                // Inside the chain lock, so the count and the tombstones are one atomic step with the record.
                var n = await tdb.Set<ComplianceRecordRow>()
                    .Where(r => r.WorkspaceId == workspaceId && r.EventType == type && r.UserId == userId && r.DeletedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Payload, (string?)null).SetProperty(r => r.UserEmail, (string?)null).SetProperty(r => r.DeletedAt, now), c);
                counts[type] = n;
                return [ServerRecord("records_deleted", now, JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["user_id"] = userId, ["records"] = n, ["requested_by"] = requestedBy,
                }))];
            }, ct);
        }
        return counts;
    }

    /// <summary>
    /// Deletes closed files that ended at or before <paramref name="cutoff"/> (oldest first, one
    /// transaction each, no chain lock needed because nothing appends to a closed file), then
    /// appends one `retention_purge` record naming the last purged seq and hash: the anchor that
    /// the first retained record's prev_hash must equal.
    /// </summary>
    public async Task<long> PurgeAsync(string workspaceId, long cutoff, CancellationToken ct)
    {
        long total = 0;
        foreach (var type in TelemetryEventTypes.ComplianceTypes)
        {
            var files = await db.Set<LogFileRow>().AsNoTracking()
                .Where(f => f.WorkspaceId == workspaceId && f.EventType == type && f.EndTime <= cutoff)
                .OrderBy(f => f.EndTime).ToListAsync(ct);
            if (files.Count == 0)
            {
                continue;
            }
            long records = 0;
            foreach (var f in files)
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                records += await db.Set<ComplianceRecordRow>()
                    .Where(r => r.WorkspaceId == workspaceId && r.EventType == type && r.Seq >= f.FirstSeq && r.Seq <= f.LastSeq)
                    .ExecuteDeleteAsync(ct);
                await db.Set<LogFileRow>().Where(x => x.Id == f.Id).ExecuteDeleteAsync(ct);
                await tx.CommitAsync(ct);
            }
            var last = files[^1];
            total += records;
            await chain.AppendAsync(workspaceId, type, (_, now, _) => Task.FromResult<IReadOnlyList<PendingRecord>>(
                [ServerRecord("retention_purge", now, JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["cutoff"] = cutoff, ["files"] = files.Count, ["records"] = records,
                    ["purged_through_seq"] = last.LastSeq, ["purged_through_hash"] = last.HeadHash,
                }))]), ct);
        }
        return total;
    }

    private static PendingRecord ServerRecord(string kind, long now, string payloadJson)
    {
        using var doc = JsonDocument.Parse(payloadJson);
        return new PendingRecord
        {
            IdempotencyKey = ComplianceChain.ServerKey(), Kind = kind, Timestamp = now, Client = "cdx_governance",
            Payload = ComplianceHashing.CanonicalPayload(doc.RootElement),
        };
    }
}
