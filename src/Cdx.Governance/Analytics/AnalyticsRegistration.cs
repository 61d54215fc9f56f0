using Cdx.Governance.Compliance;
using Cdx.Governance.Ingestion;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cdx.Governance.Analytics;

/// <summary>Registers ingestion, the compliance log and analytics (services, the retention service and endpoints) with one call each.</summary>
internal static class AnalyticsRegistration
{
    public static IServiceCollection AddCdxGovernanceAnalytics(this IServiceCollection services)
    {
        services.AddScoped<ComplianceChain>();
        services.AddScoped<ComplianceMaintenance>();
        services.AddScoped<IngestionService>();
        services.AddScoped<AnalyticsQueries>();
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        return services;
    }

    public static void MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        IngestionEndpoints.Map(app);
        ComplianceEndpoints.Map(app);
        AnalyticsEndpoints.Map(app);
    }
}
