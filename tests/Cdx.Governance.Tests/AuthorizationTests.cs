using System.Net;
using System.Net.Http.Json;

namespace Cdx.Governance.Tests;

public abstract class AuthorizationTests(TestDatabase db) : IAsyncLifetime
{
    private GovernanceTestServer? _server;

    private GovernanceTestServer _s => _server ?? throw TestPostgres.Skipped();
    private string _memberToken = "";
    private string _adminUserToken = "";
    private string _userId = "";

    public async Task InitializeAsync()
    {
        if (!TestPostgres.Available(db))
        {
            return;
        }
        _server = await GovernanceTestServer.StartAsync(db);
        _userId = await _s.CreateUserAsync("member@corp.example");
        _memberToken = await _s.CreateTokenAsync(_userId);
        var adminUser = await _s.CreateUserAsync("admin@corp.example");
        var roles = (await _s.AdminSendAsync(HttpMethod.Get, "/v1/admin/roles")).AsArray();
        var adminRole = (string)roles.First(r => (string)r!["name"]! == "Admin")!["id"]!;
        var admins = await _s.CreateGroupAsync("Admins", adminUser);
        await _s.AdminSendAsync(HttpMethod.Put, $"/v1/admin/groups/{admins}/roles/{adminRole}");
        _adminUserToken = await _s.CreateTokenAsync(adminUser);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Requirements_need_a_user_token_and_the_use_agent_permission()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _s.Anonymous.GetAsync("/v1/clients/requirements")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _s.Admin.GetAsync("/v1/clients/requirements")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _s.Client(_memberToken).GetAsync("/v1/clients/requirements")).StatusCode);

        // Remove use_agent from the default role: the member is now refused with the exact message.
        var ws = await _s.AdminSendAsync(HttpMethod.Get, "/v1/admin/workspace");
        await _s.AdminSendAsync(HttpMethod.Put, $"/v1/admin/roles/{(string)ws["default_role_id"]!}", new { permissions = Array.Empty<string>() });
        var denied = await _s.Client(_memberToken).GetAsync("/v1/clients/requirements");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("403 - Unauthorized. Contact your administrator for access.", await denied.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Workspace_toggle_off_denies_agent_use_to_everyone()
    {
        await _s.AdminSendAsync(HttpMethod.Patch, "/v1/admin/workspace", new { allow_agent_use = false });
        var denied = await _s.Client(_adminUserToken).GetAsync("/v1/clients/requirements");
        Assert.Equal("403 - Unauthorized. Contact your administrator for access.", await denied.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Revoked_token_stops_working_at_once()
    {
        var member = _s.Client(_memberToken);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/v1/clients/whoami")).StatusCode);
        var tokens = (await _s.AdminSendAsync(HttpMethod.Get, "/v1/admin/access-tokens")).AsArray();
        var id = (string)tokens.First(t => (string)t!["user_id"]! == _userId)!["id"]!;
        Assert.Null(tokens.First()!["token"]);
        await _s.AdminSendAsync(HttpMethod.Delete, $"/v1/admin/access-tokens/{id}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await member.GetAsync("/v1/clients/whoami")).StatusCode);
    }

    [SkippableFact]
    public async Task Token_self_service_follows_the_permission_matrix()
    {
        var member = _s.Client(_memberToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/v1/access-tokens", new { name = "ci" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/v1/access-tokens")).StatusCode);

        var roles = (await _s.AdminSendAsync(HttpMethod.Get, "/v1/admin/roles")).AsArray();
        var tokenRole = (string)(await _s.AdminSendAsync(HttpMethod.Post, "/v1/admin/roles", new { name = "Tokens", permissions = new[] { "create_access_tokens" } }))["id"]!;
        var group = await _s.CreateGroupAsync("CI", _userId);
        await _s.AdminSendAsync(HttpMethod.Put, $"/v1/admin/groups/{group}/roles/{tokenRole}");
        await _s.AdminSendAsync(HttpMethod.Patch, "/v1/admin/workspace", new { token_max_expiry_days = 30 });

        Assert.Equal(HttpStatusCode.BadRequest, (await member.PostAsJsonAsync("/v1/access-tokens", new { name = "ci", expires_in_days = 90 })).StatusCode);
        var created = await member.PostAsJsonAsync("/v1/access-tokens", new { name = "ci" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.StartsWith("cdxt_", (string)body["token"]!);
        Assert.InRange((long)body["expires_at"]! - (long)body["created_at"]!, 30 * 86400 - 5, 30 * 86400);

        var own = (await member.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/v1/access-tokens"))!;
        Assert.All(own, t => Assert.Equal(_userId, (string)t!["user_id"]!));
        var adminsToken = (await _s.AdminSendAsync(HttpMethod.Get, "/v1/admin/access-tokens")).AsArray().First(t => (string)t!["user_id"]! != _userId)!;
        Assert.Equal(HttpStatusCode.NotFound, (await member.DeleteAsync($"/v1/access-tokens/{(string)adminsToken["id"]!}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await member.DeleteAsync($"/v1/access-tokens/{(string)body["id"]!}")).StatusCode);
        Assert.NotEmpty(roles);
    }
}

/// <summary>AuthorizationTests on SQLite.</summary>
public sealed class AuthorizationTestsOnSqlite() : AuthorizationTests(TestDatabase.Sqlite);

/// <summary>AuthorizationTests on PostgreSQL.</summary>
public sealed class AuthorizationTestsOnPostgres() : AuthorizationTests(TestDatabase.Postgres);
