using Cdx.Governance.Analytics;
using Cdx.Governance.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cdx.Governance.Hosting;

/// <summary>Builds and starts the governance server (Kestrel + minimal APIs).</summary>
public static class GovernanceServer
{
    /// <summary>Builds the app, prepares storage (schema, first-start bootstrap) and starts listening.</summary>
    public static async Task<WebApplication> StartAsync(GovernanceServerOptions options, CancellationToken ct)
    {
        if (!options.UsesPostgres)
        {
            Directory.CreateDirectory(options.DataDir);
        }
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "cdx-governance" });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddCdxGovernance(options);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        ClientEndpoints.Map(app);
        AccessTokenEndpoints.Map(app);
        AdminWorkspaceEndpoints.Map(app);
        AdminIdentityEndpoints.Map(app);
        AdminPolicyEndpoints.Map(app);
        Scim.ScimEndpoints.Map(app);
        Device.DeviceEndpoints.Map(app);
        app.MapAnalyticsEndpoints();
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Bootstrapper>().RunAsync(ct);
        }
        await app.StartAsync(ct);
        foreach (var address in ListeningOn(app))
        {
            await options.Output.WriteLineAsync($"cdx governance: listening on {address}");
        }
        await options.Output.FlushAsync(ct);
        return app;
    }

    /// <summary>The bound addresses (with the real port when 0 was asked for).</summary>
    public static IReadOnlyList<string> ListeningOn(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
}
