using Cdx.Governance.Auth;
using Cdx.Governance.Data;
using Cdx.Governance.Signing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cdx.Governance.Hosting;

/// <summary>
/// Prepares storage at start: creates the schema, checks its version, and on the very first start
/// creates the workspace, the built-in roles, the first signing key and the bootstrap admin key.
/// </summary>
internal sealed class Bootstrapper(GovernanceDb db, SigningKeyStore keys, TimeProvider time, GovernanceServerOptions options, ILogger<Bootstrapper> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        await db.Database.EnsureCreatedAsync(ct);
        var info = await db.SchemaInfo.FirstOrDefaultAsync(s => s.Id == 1, ct);
        if (info is null)
        {
            db.SchemaInfo.Add(new SchemaInfoRow { Id = 1, Version = GovernanceDb.SchemaVersion });
            await db.SaveChangesAsync(ct);
        }
        else if (info.Version != GovernanceDb.SchemaVersion)
        {
            throw new InvalidOperationException(
                $"the governance database ({Describe()}) has schema version {info.Version} but this server uses version {GovernanceDb.SchemaVersion}; run the cdx version that created it, or restore a backup made for this version");
        }
        Log.SchemaReady(logger, GovernanceDb.SchemaVersion, options.UsesPostgres ? "PostgreSQL" : "SQLite");
        await keys.EnsureKeyAsync(ct);
        if (await db.Workspaces.AnyAsync(ct))
        {
            return;
        }
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var member = new RoleRow { Id = Secrets.NewId("role_"), Name = "Member", Permissions = (int)Permission.UseAgent };
        var admin = new RoleRow
        {
            Id = Secrets.NewId("role_"),
            Name = "Admin",
            Permissions = (int)(Permission.UseAgent | Permission.Administer | Permission.CreateAccessTokens),
        };
        db.Roles.AddRange(member, admin);
        db.Workspaces.Add(new WorkspaceRow { Id = Guid.NewGuid().ToString(), Name = "default", DefaultRoleId = member.Id, CreatedAt = now });
        var fromEnv = !string.IsNullOrWhiteSpace(options.BootstrapKey);
        var secret = fromEnv ? options.BootstrapKey!.Trim() : Secrets.NewSecret(Secrets.AdminKeyPrefix);
        if (!secret.StartsWith(Secrets.AdminKeyPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"CDX_GOVERNANCE_BOOTSTRAP_KEY must start with `{Secrets.AdminKeyPrefix}`; set it to `{Secrets.AdminKeyPrefix}` followed by a long random string, or unset it to have one generated");
        }
        db.ApiKeys.Add(new ApiKeyRow { Id = Secrets.NewId("key_"), Name = "bootstrap", Hash = Secrets.Hash(secret), Scopes = "admin", CreatedAt = now });
        await db.SaveChangesAsync(ct);
        await options.Output.WriteLineAsync(fromEnv
            ? "cdx governance: first start; the bootstrap admin API key is the one in CDX_GOVERNANCE_BOOTSTRAP_KEY."
            : $"cdx governance: first start; bootstrap admin API key (shown once, store it now): {secret}");
    }

    private string Describe() => options.UsesPostgres ? "PostgreSQL" : options.ConnectionString;
}
