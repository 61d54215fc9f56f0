using Cdx.Governance.Data;
using Cdx.Governance.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cdx.Governance.Compliance;

/// <summary>Purges compliance log files older than the retention period, hourly (files are hour buckets, so finer is pointless).</summary>
internal sealed partial class RetentionService(IServiceScopeFactory scopes, GovernanceServerOptions options, TimeProvider time, ILogger<RetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                // A failed purge is retried next hour; ingestion must not stop because of it.
                PurgeFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<long> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDb>();
        var workspace = await db.Workspaces.AsNoTracking().FirstOrDefaultAsync(ct);
        if (workspace is null)
        {
            return 0;
        }
        var cutoff = time.GetUtcNow().ToUnixTimeSeconds() - (long)options.ComplianceRetention.TotalSeconds;
        var purged = await scope.ServiceProvider.GetRequiredService<ComplianceMaintenance>().PurgeAsync(workspace.Id, cutoff, ct);
        if (purged > 0)
        {
            Purged(logger, purged, cutoff);
        }
        return purged;
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Compliance retention purged {Records} records received before {Cutoff}")]
    private static partial void Purged(ILogger logger, long records, long cutoff);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Compliance retention purge failed; retrying next hour")]
    private static partial void PurgeFailed(ILogger logger, Exception ex);
}
