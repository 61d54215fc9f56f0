using System.CommandLine;
using Cdx.Governance.Hosting;
using Microsoft.Extensions.Hosting;

namespace Cdx.Cli.Commands;

/// <summary>`cdx governance serve`: run the self-hosted governance server.</summary>
public static class GovernanceCommand
{
    // Kestrel reads a malformed address loosely (`http://0.0.0.0:80x` listens on every interface,
    // port 80), so every --urls entry must be scheme://host[:port] before anything binds.
    private static string CheckedUrls(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var m = System.Text.RegularExpressions.Regex.Match(url, @"^https?://(\[[0-9a-fA-F:.]+\]|[^:/\[\]]+)(:(\d{1,5}))?/?$");
            if (!m.Success || (m.Groups[3].Success && int.Parse(m.Groups[3].Value) > 65535))
            {
                throw new UserFacingException($"cdx governance serve: --urls `{url}` is not a listen address; pass one like http://127.0.0.1:8787 (several separated by ';').", 2);
            }
        }
        return urls;
    }

    /// <summary>Creates the command tree.</summary>
    public static Command Create()
    {
        var cmd = new Command("governance", "Run and administer the cdx governance server (policies, groups, signed requirements).");
        var serve = new Command("serve", "Start the governance server; the first start prints a one-time bootstrap admin API key.");
        var urls = new Option<string>("--urls") { Description = "Listen addresses, ';'-separated.", DefaultValueFactory = _ => "http://127.0.0.1:8787" };
        var data = new Option<string?>("--data") { Description = "Data directory for the SQLite database (default $CODEX_HOME/governance)." };
        var database = new Option<string?>("--database") { Description = "Database connection string: PostgreSQL (Host=...;Database=...) or SQLite (Data Source=...)." };
        serve.Options.Add(urls);
        serve.Options.Add(data);
        serve.Options.Add(database);
        serve.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            var home = Cdx.Config.ConfigLoadOptions.FromEnvironment().CodexHome;
            var options = new GovernanceServerOptions
            {
                Urls = CheckedUrls(pr.GetValue(urls)!),
                DataDir = Path.GetFullPath(pr.GetValue(data) ?? Path.Combine(home, "governance")),
                Database = pr.GetValue(database),
                BootstrapKey = Environment.GetEnvironmentVariable("CDX_GOVERNANCE_BOOTSTRAP_KEY"),
            };
            Microsoft.AspNetCore.Builder.WebApplication app;
            try
            {
                app = await GovernanceServer.StartAsync(options, ct);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or ArgumentException
                or Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
            {
                throw new UserFacingException($"cdx governance serve: cannot start ({ex.Message}); check --urls, --data and --database.", 1, ex);
            }
            await using (app)
            {
                await app.WaitForShutdownAsync(ct);
            }
            return 0;
        });
        cmd.Subcommands.Add(serve);
        cmd.Subcommands.Add(GovernanceVerifyLogCommand.Create());
        GovernanceAdminCommands.AddTo(cmd);
        return cmd;
    }
}
