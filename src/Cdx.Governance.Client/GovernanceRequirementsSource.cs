using Cdx.Config.Requirements;
using Cdx.Governance.Client.Wire;
using Cdx.Toml;

namespace Cdx.Governance.Client;

/// <summary>
/// Cloud requirements from a cdx governance server: fetch at start (short timeout, retries),
/// verify signature, subject, workspace and expiry, cache the signed answer; when the server cannot
/// be reached use a valid cache, else continue without the layer with a notice, unless fail-closed
/// is demanded (see <see cref="FailClosedKey"/>). A refusal by the server (401/403) always stops start.
/// </summary>
public sealed class GovernanceRequirementsSource(
    string codexHome, GovernanceCredentials login, GovernanceApi api, bool failClosed, TextWriter notices, TimeProvider? time = null)
    : ICloudRequirementsSource
{
    /// <summary>
    /// A cdx-specific requirements key: `true` in the system requirements.toml, or in the last
    /// policy received, makes an unreachable server without a valid cache stop cdx from starting.
    /// </summary>
    public const string FailClosedKey = "cdx_require_cloud_requirements";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The source for the login stored in <paramref name="codexHome"/>, or null when not logged in to a governance server.</summary>
    public static GovernanceRequirementsSource? ForHome(string codexHome, string systemConfigDir, TextWriter notices)
    {
        GovernanceCredentials? login;
        try
        {
            login = AuthFile.Read(codexHome);
        }
        catch (GovernanceClientException ex)
        {
            // Same as not being logged in (as a user could also just log out), but said out loud.
            notices.WriteLine($"cdx: notice: {ex.Message} Continuing without cloud requirements.");
            return null;
        }
        return login is null
            ? null
            : new GovernanceRequirementsSource(codexHome, login, new GovernanceApi(login.Server), DemandsFailClosed(ReadSystem(systemConfigDir)), notices);
    }

    /// <inheritdoc />
    public async ValueTask<CloudRequirementsResult> LoadAsync(CancellationToken cancellationToken)
    {
        var outcome = await api.FetchRequirementsAsync(login.AccessToken, cancellationToken).ConfigureAwait(false);
        if (outcome.Refused)
        {
            return new CloudRequirementsResult(CloudRequirementsStatus.Failed, Detail: outcome.Problem);
        }
        var problem = outcome.Problem;
        if (outcome.Document is { } fresh)
        {
            var status = await CheckFreshAsync(fresh, cancellationToken).ConfigureAwait(false);
            if (status == CacheStatus.Valid)
            {
                RequirementsCache.TryWrite(codexHome, fresh);
                return Loaded(fresh);
            }
            problem = $"the server's answer failed verification ({Describe(status)})";
        }
        var (cacheStatus, cached) = RequirementsCache.Read(codexHome, login, _time.GetUtcNow());
        if (cacheStatus == CacheStatus.Valid && cached is not null)
        {
            await notices.WriteLineAsync(
                $"cdx: notice: {problem}; using the cached cloud requirements from {login.Server} (valid until {DateTimeOffset.FromUnixTimeSeconds(cached.ExpiresAt):u}).").ConfigureAwait(false);
            return Loaded(cached);
        }
        var lastPolicyDemands = cacheStatus == CacheStatus.Expired && cached is not null && DemandsFailClosed(Parse(cached.Contents));
        if (failClosed || lastPolicyDemands)
        {
            return new CloudRequirementsResult(CloudRequirementsStatus.Failed,
                Detail: $"{problem}; no valid cached copy ({Describe(cacheStatus)}), and `{FailClosedKey} = true` is set by {(failClosed ? "the system requirements.toml" : "your last workspace policy")}");
        }
        await notices.WriteLineAsync(
            $"cdx: notice: cloud requirements from {login.Server} are unavailable: {problem}; no valid cached copy ({Describe(cacheStatus)}); continuing without them.").ConfigureAwait(false);
        return new CloudRequirementsResult(CloudRequirementsStatus.None, Detail: problem);
    }

    // An unknown key id may be a rotation: accept the new key only when a pinned key endorsed it.
    private async Task<CacheStatus> CheckFreshAsync(SignedRequirements doc, CancellationToken ct)
    {
        var status = RequirementsCache.Check(doc, login, _time.GetUtcNow());
        if (status != CacheStatus.SignatureInvalid || login.PinnedKeys.Any(k => k.KeyId == doc.KeyId))
        {
            return status;
        }
        try
        {
            var published = await api.KeysAsync(ct).ConfigureAwait(false);
            var trusted = SignatureVerifier.ExtendTrust(login.PinnedKeys, published.Keys);
            if (trusted.Count == login.PinnedKeys.Count)
            {
                return status;
            }
            login = login with { PinnedKeys = trusted };
            AuthFile.Write(codexHome, login);
            return RequirementsCache.Check(doc, login, _time.GetUtcNow());
        }
        catch (GovernanceClientException)
        {
            return status;
        }
    }

    private static CloudRequirementsResult Loaded(SignedRequirements doc) =>
        string.IsNullOrWhiteSpace(doc.Contents)
            ? CloudRequirementsResult.None
            : new CloudRequirementsResult(CloudRequirementsStatus.Loaded, doc.Contents);

    private static string Describe(CacheStatus s) => s switch
    {
        CacheStatus.NotFound => "no cache",
        CacheStatus.Unreadable => "cache unreadable",
        CacheStatus.SignatureInvalid => "signature does not verify with the pinned keys",
        CacheStatus.IdentityMismatch => "issued to another user or workspace",
        CacheStatus.Expired => "expired",
        _ => "valid",
    };

    private static TomlTable? ReadSystem(string systemConfigDir)
    {
        var path = Path.Combine(systemConfigDir, "requirements.toml");
        try
        {
            return File.Exists(path) ? TomlParser.ParseFile(path) : null;
        }
        catch (Exception ex) when (ex is TomlParseException or IOException or UnauthorizedAccessException)
        {
            return null; // the requirements loader reports this file's errors with their place
        }
    }

    private static TomlTable? Parse(string? contents)
    {
        try
        {
            return contents is null ? null : TomlParser.Parse(contents);
        }
        catch (TomlParseException)
        {
            return null;
        }
    }

    private static bool DemandsFailClosed(TomlTable? doc) =>
        doc is not null && doc.TryGetValue(FailClosedKey, out var v) && v is TomlBoolean { Value: true };
}
