using System.Net.Http.Json;
using Cdx.Config.Requirements;
using Cdx.Governance.Client;
using Cdx.Governance.Client.Wire;

namespace Cdx.Governance.Tests;

public abstract class SignedRequirementsTests(TestDatabase db) : IAsyncLifetime
{
    private const string ReadOnly = "allowed_sandbox_modes = [\"read-only\"]\n";
    private GovernanceTestServer? _server;

    private GovernanceTestServer _s => _server ?? throw TestPostgres.Skipped();
    private string _home = "";
    private string _aliceToken = "";
    private string _bobToken = "";

    public async Task InitializeAsync()
    {
        if (!TestPostgres.Available(db))
        {
            return;
        }
        _server = await GovernanceTestServer.StartAsync(db);
        _home = Path.Combine(_s.Root, "home");
        var alice = await _s.CreateUserAsync("alice@corp.example");
        var bob = await _s.CreateUserAsync("bob@corp.example");
        var group = await _s.CreateGroupAsync("Contractors", alice);
        await _s.AssignAsync(await _s.CreatePolicyAsync("default", "allowed_web_search_modes = []\n"), (group, await _s.CreatePolicyAsync("ro", ReadOnly)));
        _aliceToken = await _s.CreateTokenAsync(alice);
        _bobToken = await _s.CreateTokenAsync(bob);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task<SignedRequirements> FetchAsync(string token) =>
        (await _s.Client(token).GetFromJsonAsync("/v1/clients/requirements", WireJsonContext.Default.SignedRequirements))!;

    [SkippableFact]
    public async Task Payload_verifies_with_the_published_key_and_binds_the_user()
    {
        var doc = await FetchAsync(_aliceToken);
        var keys = await new GovernanceApi(_s.Url).KeysAsync(default);
        Assert.True(SignatureVerifier.Verify(doc, keys.Keys));
        Assert.Equal(ReadOnly, doc.Contents);
        Assert.Equal(keys.WorkspaceId, doc.WorkspaceId);
        Assert.InRange(doc.ExpiresAt - doc.IssuedAt, 1799, 1800);
    }

    [SkippableFact]
    public async Task Changing_one_byte_of_any_signed_field_breaks_the_signature()
    {
        var doc = await FetchAsync(_aliceToken);
        var keys = (await new GovernanceApi(_s.Url).KeysAsync(default)).Keys;
        Assert.False(SignatureVerifier.Verify(doc with { Contents = doc.Contents!.Replace("read-only", "read-onlY") }, keys));
        Assert.False(SignatureVerifier.Verify(doc with { ExpiresAt = doc.ExpiresAt + 1 }, keys));
        Assert.False(SignatureVerifier.Verify(doc with { PolicyVersion = 2 }, keys));
        var sig = doc.Signature.ToCharArray();
        sig[10] = sig[10] == 'A' ? 'B' : 'A';
        Assert.False(SignatureVerifier.Verify(doc with { Signature = new string(sig) }, keys));
    }

    [SkippableFact]
    public async Task Tampered_cache_file_is_refused_when_the_server_is_down()
    {
        var login = await LoginService.LoginWithAccessTokenAsync(_home, _s.Url, _aliceToken, default);
        Assert.Equal(CloudRequirementsStatus.Loaded, (await Source(login, _s.Url).LoadAsync(default)).Status);
        var path = RequirementsCache.PathIn(_home);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("read-only", "read-onlx"));
        var notices = new StringWriter();
        var result = await Source(login, "http://127.0.0.1:1", notices).LoadAsync(default);
        Assert.Equal(CloudRequirementsStatus.None, result.Status);
        Assert.Contains("signature does not verify", notices.ToString());
    }

    [SkippableFact]
    public async Task Another_users_payload_is_refused_even_though_its_signature_is_good()
    {
        var login = await LoginService.LoginWithAccessTokenAsync(_home, _s.Url, _aliceToken, default);
        var bobs = await FetchAsync(_bobToken);
        Assert.Equal(CacheStatus.IdentityMismatch, RequirementsCache.Check(bobs, login, DateTimeOffset.UtcNow));
        RequirementsCache.TryWrite(_home, bobs);
        Assert.Equal(CacheStatus.IdentityMismatch, RequirementsCache.Read(_home, login, DateTimeOffset.UtcNow).Status);
    }

    [SkippableFact]
    public async Task Valid_cache_is_used_when_the_server_is_unreachable_and_expired_cache_is_not()
    {
        var login = await LoginService.LoginWithAccessTokenAsync(_home, _s.Url, _aliceToken, default);
        await Source(login, _s.Url).LoadAsync(default);
        var offline = await Source(login, "http://127.0.0.1:1").LoadAsync(default);
        Assert.Equal((CloudRequirementsStatus.Loaded, ReadOnly), (offline.Status, offline.Contents));

        var later = new FixedTime(DateTimeOffset.UtcNow.AddMinutes(31));
        var notices = new StringWriter();
        var expired = await Source(login, "http://127.0.0.1:1", notices, later).LoadAsync(default);
        Assert.Equal(CloudRequirementsStatus.None, expired.Status);
        Assert.Contains("expired", notices.ToString());
    }

    [SkippableFact]
    public async Task Fail_closed_key_in_the_last_policy_stops_start_when_the_cache_has_expired()
    {
        var login = await LoginService.LoginWithAccessTokenAsync(_home, _s.Url, _aliceToken, default);
        var policies = (await _s.AdminSendAsync(HttpMethod.Get, "/v1/admin/policies")).AsArray();
        var ro = (string)policies.First(p => (string)p!["name"]! == "ro")!["id"]!;
        await _s.AdminSendAsync(HttpMethod.Put, $"/v1/admin/policies/{ro}", new { contents = ReadOnly + "cdx_require_cloud_requirements = true\n" });
        await Source(login, _s.Url).LoadAsync(default);
        var result = await Source(login, "http://127.0.0.1:1", null, new FixedTime(DateTimeOffset.UtcNow.AddHours(1))).LoadAsync(default);
        Assert.Equal(CloudRequirementsStatus.Failed, result.Status);
        Assert.Contains("cdx_require_cloud_requirements", result.Detail);
    }

    [SkippableFact]
    public async Task Server_refusal_fails_closed_and_ignores_the_cache()
    {
        var login = await LoginService.LoginWithAccessTokenAsync(_home, _s.Url, _aliceToken, default);
        await Source(login, _s.Url).LoadAsync(default);
        await _s.AdminSendAsync(HttpMethod.Patch, "/v1/admin/workspace", new { allow_agent_use = false });
        var result = await Source(login, _s.Url).LoadAsync(default);
        Assert.Equal((CloudRequirementsStatus.Failed, "403 - Unauthorized. Contact your administrator for access."), (result.Status, result.Detail));
    }

    [SkippableFact]
    public async Task Rotated_key_is_trusted_through_the_old_keys_endorsement_and_old_payloads_still_verify()
    {
        var login = await LoginService.LoginWithAccessTokenAsync(_home, _s.Url, _aliceToken, default);
        var before = await FetchAsync(_aliceToken);
        await _s.AdminSendAsync(HttpMethod.Post, "/v1/admin/signing-keys/rotate");
        var result = await Source(login, _s.Url).LoadAsync(default);
        Assert.Equal(CloudRequirementsStatus.Loaded, result.Status);
        var pinned = AuthFile.Read(_home)!.PinnedKeys;
        Assert.Equal(2, pinned.Count);
        Assert.True(SignatureVerifier.Verify(before, pinned));

        var forged = new PublicSigningKey { KeyId = "key_forged", X = pinned[1].X, Y = pinned[1].Y, Status = "active", EndorsedBy = pinned[0].KeyId, Endorsement = pinned[1].Endorsement };
        Assert.Equal(2, SignatureVerifier.ExtendTrust(pinned, [forged]).Count);
    }

    private GovernanceRequirementsSource Source(GovernanceCredentials login, string server, TextWriter? notices = null, TimeProvider? time = null) =>
        new(_home, AuthFile.Read(_home) ?? login, new GovernanceApi(server) { OverallTimeout = TimeSpan.FromSeconds(2), FirstBackoff = TimeSpan.FromMilliseconds(20) },
            false, notices ?? TextWriter.Null, time);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>SignedRequirementsTests on SQLite.</summary>
public sealed class SignedRequirementsTestsOnSqlite() : SignedRequirementsTests(TestDatabase.Sqlite);

/// <summary>SignedRequirementsTests on PostgreSQL.</summary>
public sealed class SignedRequirementsTestsOnPostgres() : SignedRequirementsTests(TestDatabase.Postgres);
