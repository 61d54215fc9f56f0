using Cdx.Governance.Analytics;
using Cdx.Governance.Auth;
using Cdx.Governance.Data;
using Cdx.Governance.Policies;
using Cdx.Governance.Signing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cdx.Governance.Hosting;

/// <summary>DI registration for the governance server.</summary>
public static class GovernanceServiceCollectionExtensions
{
    /// <summary>Registers storage (SQLite or PostgreSQL by <paramref name="options"/>) and the governance services.</summary>
    public static IServiceCollection AddCdxGovernance(this IServiceCollection services, GovernanceServerOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(options.Time);
        services.AddDbContext<GovernanceDb>(o =>
        {
            if (options.UsesPostgres)
            {
                o.UseNpgsql(options.ConnectionString);
            }
            else
            {
                o.UseSqlite(options.ConnectionString);
            }
        });
        services.AddScoped<PermissionService>();
        services.AddScoped<CallerResolver>();
        services.AddScoped<AssignmentStore>();
        services.AddScoped<SigningKeyStore>();
        services.AddScoped<RequirementsIssuer>();
        services.AddScoped<Bootstrapper>();
        services.AddScoped<Identity.IdentityStore>();
        services.AddScoped<Device.DeviceCodeStore>();
        services.AddCdxGovernanceAnalytics();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(j =>
        {
            j.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
            j.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
        });
        return services;
    }
}
