using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cdx.Governance.Client;

namespace Cdx.Governance.Tests;

/// <summary>RFC 8628 device-code login against a shared server with a 3 s code lifetime and a 1 s interval.</summary>
public abstract class DeviceLoginTests(SharedServer shared)
{
    private GovernanceTestServer _s => shared.Server ?? throw TestPostgres.Skipped();
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    private async Task<JsonNode> NewCode()
    {
        var response = await _s.Anonymous.PostAsync("/v1/device/code", new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = "cdx" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> Poll(JsonNode code)
    {
        var response = await _s.Anonymous.PostAsync("/v1/device/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
            ["device_code"] = (string)code["device_code"]!,
        }));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static string? Error((HttpStatusCode, JsonNode Body) r) => (string?)r.Body["error"];

    [SkippableFact]
    public async Task Polling_is_pending_then_slow_down_and_an_approved_code_yields_one_token()
    {
        var email = $"dev-{_tag}@corp.example";
        await _s.CreateUserAsync(email);
        var code = await NewCode();
        Assert.Matches("^[B-Z]{4}-[B-Z]{4}$", (string)code["user_code"]!);
        Assert.Equal(_s.Url + "/device", (string)code["verification_uri"]!);
        Assert.Equal((3, 1), ((int)code["expires_in"]!, (int)code["interval"]!));

        Assert.Equal("authorization_pending", Error(await Poll(code)));
        var fast = await Poll(code);
        Assert.Equal((HttpStatusCode.BadRequest, "slow_down"), (fast.Status, Error(fast)));

        await _s.AdminSendAsync(HttpMethod.Post, "/v1/admin/device/approve", new { user_code = ((string)code["user_code"]!).ToLowerInvariant(), email });
        var granted = await Poll(code);
        Assert.Equal(HttpStatusCode.OK, granted.Status);
        var token = (string)granted.Body["access_token"]!;
        Assert.Equal("Bearer", (string)granted.Body["token_type"]!);
        var who = await _s.Client(token).GetFromJsonAsync<JsonObject>("/v1/clients/whoami");
        Assert.Equal(email, (string)who!["email"]!);
        Assert.Equal("invalid_grant", Error(await Poll(code))); // a device code is good for one token
    }

    [SkippableFact]
    public async Task Unapproved_code_expires_and_can_no_longer_be_approved()
    {
        var code = await NewCode();
        await Task.Delay(TimeSpan.FromSeconds(3.2));
        Assert.Equal("expired_token", Error(await Poll(code)));
        var late = await _s.Admin.PostAsJsonAsync("/v1/admin/device/approve", new { user_code = (string)code["user_code"]!, deny = true });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("unknown or expired", await late.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Denied_code_answers_access_denied()
    {
        var code = await NewCode();
        await _s.AdminSendAsync(HttpMethod.Post, "/v1/admin/device/approve", new { user_code = (string)code["user_code"]!, deny = true });
        Assert.Equal("access_denied", Error(await Poll(code)));
    }

    [SkippableFact]
    public async Task A_user_approves_their_own_device_on_the_page_with_their_token()
    {
        var email = $"page-{_tag}@corp.example";
        var userToken = await _s.CreateTokenAsync(await _s.CreateUserAsync(email));
        var code = await NewCode();
        var page = await _s.Anonymous.GetStringAsync($"/device?user_code={Uri.EscapeDataString((string)code["user_code"]!)}\"<x>");
        Assert.Contains($"value=\"{(string)code["user_code"]!}&quot;&lt;x&gt;\"", page);

        var wrong = await _s.Anonymous.PostAsync("/device", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user_code"] = (string)code["user_code"]!, ["credential"] = "cdxt_wrong", ["decision"] = "approve",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var approved = await _s.Anonymous.PostAsync("/device", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user_code"] = (string)code["user_code"]!, ["credential"] = userToken, ["decision"] = "approve",
        }));
        Assert.Contains("Approved", await approved.Content.ReadAsStringAsync());
        var granted = await Poll(code);
        var who = await _s.Client((string)granted.Body["access_token"]!).GetFromJsonAsync<JsonObject>("/v1/clients/whoami");
        Assert.Equal(email, (string)who!["email"]!);
    }

    [SkippableFact]
    public async Task Client_login_shows_the_code_polls_and_stores_the_login()
    {
        var email = $"cli-{_tag}@corp.example";
        await _s.CreateUserAsync(email);
        var home = Path.Combine(_s.Root, "home-" + _tag);
        Task? approval = null;
        var login = await DeviceLogin.RunAsync(home, _s.Url, auth => approval = _s.AdminSendAsync(HttpMethod.Post, "/v1/admin/device/approve", new { user_code = auth.UserCode, email }), default);
        await approval!;
        Assert.Equal(email, login.Email);
        Assert.Equal(email, AuthFile.Read(home)!.Email);
        Assert.NotEmpty(login.PinnedKeys);
    }

    [SkippableFact]
    public async Task Workspace_toggle_turns_device_login_off()
    {
        await _s.AdminSendAsync(HttpMethod.Patch, "/v1/admin/workspace", new { allow_device_code = false });
        try
        {
            var response = await _s.Anonymous.PostAsync("/v1/device/code", new FormUrlEncodedContent([]));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var ex = await Assert.ThrowsAsync<GovernanceClientException>(() => DeviceLogin.RunAsync(Path.Combine(_s.Root, "h-" + _tag), _s.Url, _ => { }, default));
            Assert.Contains("allow_device_code", ex.Message);
        }
        finally
        {
            await _s.AdminSendAsync(HttpMethod.Patch, "/v1/admin/workspace", new { allow_device_code = true });
        }
    }
}

/// <summary>Device login on SQLite.</summary>
public sealed class DeviceLoginTestsOnSqlite(SharedSqliteServer shared) : DeviceLoginTests(shared), IClassFixture<SharedSqliteServer>;

/// <summary>Device login on PostgreSQL.</summary>
public sealed class DeviceLoginTestsOnPostgres(SharedPostgresServer shared) : DeviceLoginTests(shared), IClassFixture<SharedPostgresServer>;
