using System.Security.Cryptography;
using Cdx.Governance.Auth;
using Cdx.Governance.Data;
using Cdx.Governance.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cdx.Governance.Device;

/// <summary>
/// RFC 8628 device authorization grant: issues codes, records a person's decision, and answers the
/// device's polls. State lives only in the database so any instance behind a load balancer can
/// answer any poll; the final token is issued by a conditional update, so it is issued once.
/// </summary>
internal sealed class DeviceCodeStore(GovernanceDb db, GovernanceServerOptions options, TimeProvider time, ILogger<DeviceCodeStore> logger)
{
    public const string DevicePrefix = "cdxd_";

    // RFC 8628 §6.1: no vowels (no words), no look-alikes; 20^8 codes.
    private const string Alphabet = "BCDFGHJKLMNPQRSTVWXZ";

    public static string NormalizeUserCode(string code) => new(code.ToUpperInvariant().Where(char.IsAsciiLetter).ToArray());

    public static string FormatUserCode(string normalized) => normalized.Length == 8 ? $"{normalized[..4]}-{normalized[4..]}" : normalized;

    public async Task<(string DeviceCode, string UserCode)> CreateAsync(CancellationToken ct)
    {
        var secret = Secrets.NewSecret(DevicePrefix);
        var userCode = new string(Enumerable.Range(0, 8).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray());
        var now = time.GetUtcNow();
        db.DeviceCodes.Add(new DeviceCodeRow
        {
            Hash = Secrets.Hash(secret),
            UserCode = userCode,
            Status = "pending",
            CreatedAt = now.ToUnixTimeSeconds(),
            ExpiresAt = (now + options.DeviceCodeLifetime).ToUnixTimeSeconds(),
            IntervalMs = (long)options.DeviceCodeInterval.TotalMilliseconds,
        });
        // Drop long-expired codes while here so the table stays small without a background job.
        var stale = now.ToUnixTimeSeconds() - 86400;
        await db.DeviceCodes.Where(d => d.ExpiresAt < stale).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        return (secret, FormatUserCode(userCode));
    }

    /// <summary>Records approval (for <paramref name="userId"/>) or denial; returns a problem sentence or null.</summary>
    public async Task<string?> DecideAsync(string userCode, string? userId, bool approve, string decidedBy, CancellationToken ct)
    {
        var normalized = NormalizeUserCode(userCode);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var row = await db.DeviceCodes.FirstOrDefaultAsync(d => d.UserCode == normalized, ct);
        if (row is null || row.ExpiresAt <= now)
        {
            return $"The code `{userCode}` is unknown or expired; run `cdx login --device-auth` again for a new one.";
        }
        if (row.Status != "pending")
        {
            return $"The code `{userCode}` was already {(row.Status == "denied" ? "denied" : "approved")}; run `cdx login --device-auth` again to start over.";
        }
        row.Status = approve ? "approved" : "denied";
        row.UserId = approve ? userId : null;
        row.DecidedBy = decidedBy;
        await db.SaveChangesAsync(ct);
        Log.DeviceCodeDecided(logger, FormatUserCode(normalized), row.Status, decidedBy);
        return null;
    }

    /// <summary>One poll of the device (RFC 8628 §3.4–3.5): an access token, or the error code to return.</summary>
    public async Task<(string? Token, string? Error, long? ExpiresAt)> PollAsync(string deviceCode, CancellationToken ct)
    {
        var hash = Secrets.Hash(deviceCode);
        var row = await db.DeviceCodes.FirstOrDefaultAsync(d => d.Hash == hash, ct);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (row is null || row.Status == "consumed")
        {
            return (null, "invalid_grant", null);
        }
        if (row.ExpiresAt * 1000 <= nowMs)
        {
            return (null, "expired_token", null);
        }
        if (row.Status == "denied")
        {
            return (null, "access_denied", null);
        }
        var tooSoon = nowMs - row.LastPollMs < row.IntervalMs;
        row.LastPollMs = nowMs;
        if (row.Status == "pending")
        {
            if (tooSoon)
            {
                // RFC 8628 §3.5: the device must add 5 s; the server raises its own floor by one interval.
                row.IntervalMs += (long)options.DeviceCodeInterval.TotalMilliseconds;
            }
            await db.SaveChangesAsync(ct);
            return (null, tooSoon ? "slow_down" : "authorization_pending", null);
        }
        // Approved: flip to consumed only if nobody else did (two racing polls get one token).
        var won = await db.DeviceCodes.Where(d => d.Hash == hash && d.Status == "approved")
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, "consumed"), ct);
        if (won != 1)
        {
            return (null, "invalid_grant", null);
        }
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(ct);
        var now = nowMs / 1000;
        var secret = Secrets.NewSecret(Secrets.AccessTokenPrefix);
        var token = new AccessTokenRow
        {
            Id = Secrets.NewId("tok_"),
            UserId = row.UserId!,
            Name = "device login " + FormatUserCode(row.UserCode),
            Hash = Secrets.Hash(secret),
            CreatedBy = row.DecidedBy ?? "device login",
            CreatedAt = now,
            ExpiresAt = workspace.TokenMaxExpiryDays is { } days and > 0 ? now + (days * 86400L) : null,
        };
        db.AccessTokens.Add(token);
        db.Entry(row).State = EntityState.Detached;
        await db.SaveChangesAsync(ct);
        Log.TokenCreated(logger, token.Id, token.UserId, token.CreatedBy);
        return (secret, null, token.ExpiresAt);
    }
}
