using Cdx.Governance.Compliance;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Ingestion;

/// <summary>
/// Tables and indexes of usage analytics and the compliance log, added to the governance model by
/// one call from <c>GovernanceDb.OnModelCreating</c> so that file stays shared and small.
/// </summary>
internal static class AnalyticsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<UsageEventRow>(e =>
        {
            e.ToTable("usage_events");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            // The 30-day usage query scans a time range and groups by user.
            e.HasIndex(x => new { x.Timestamp, x.UserId });
        });
        b.Entity<CodeReviewEventRow>(e =>
        {
            e.ToTable("code_review_events");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.HasIndex(x => new { x.Kind, x.Timestamp });
        });
        b.Entity<CodexTaskRow>(e =>
        {
            e.ToTable("codex_tasks");
            e.HasKey(x => x.Id);
        });
        b.Entity<CodexEnvironmentRow>(e =>
        {
            e.ToTable("codex_environments");
            e.HasKey(x => x.Id);
        });
        b.Entity<ComplianceRecordRow>(e =>
        {
            e.ToTable("compliance_records");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.WorkspaceId, x.EventType, x.Seq }).IsUnique();
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.HasIndex(x => x.UserId);
        });
        b.Entity<ChainHeadRow>(e =>
        {
            e.ToTable("compliance_chain_heads");
            e.HasKey(x => new { x.WorkspaceId, x.EventType });
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<LogFileRow>(e =>
        {
            e.ToTable("compliance_log_files");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.WorkspaceId, x.EventType, x.EndTime });
        });
    }
}
