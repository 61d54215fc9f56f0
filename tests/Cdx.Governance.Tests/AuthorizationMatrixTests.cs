using System.Net;

namespace Cdx.Governance.Tests;

/// <summary>
/// Every admin and SCIM endpoint × anonymous / unknown token / member token / SCIM key / admin key /
/// admin user, on one shared server per database (the calls only read).
/// </summary>
public abstract class AuthorizationMatrixTests(SharedServer shared) : IAsyncLifetime
{
    private GovernanceTestServer _s => shared.Server ?? throw TestPostgres.Skipped();
    private string _member = "";
    private string _adminUser = "";
    private string _scim = "";

    public async Task InitializeAsync()
    {
        if (shared.Server is not { } s)
        {
            return;
        }
        var tag = Guid.NewGuid().ToString("N")[..8];
        await s.Admin.PostAsync("/v1/admin/groups", System.Net.Http.Json.JsonContent.Create(new { display_name = "Matrix" })); // 409 after the first test: fine
        _member = await s.CreateTokenAsync(await s.CreateUserAsync($"member-{tag}@corp.example"));
        var admin = await s.CreateUserAsync($"admin-{tag}@corp.example");
        var roles = (await s.AdminSendAsync(HttpMethod.Get, "/v1/admin/roles")).AsArray();
        var adminRole = (string)roles.First(r => (string)r!["name"]! == "Admin")!["id"]!;
        await s.AdminSendAsync(HttpMethod.Put, $"/v1/admin/groups/{await s.CreateGroupAsync("Admins-" + tag, admin)}/roles/{adminRole}");
        _adminUser = await s.CreateTokenAsync(admin);
        _scim = (string)(await s.AdminSendAsync(HttpMethod.Post, "/v1/admin/api-keys", new { name = "idp", scopes = new[] { "scim" } }))["key"]!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "GET", "/v1/admin/workspace" },
        { "GET", "/v1/admin/users" },
        { "GET", "/v1/admin/groups" },
        { "GET", "/v1/admin/roles" },
        { "GET", "/v1/admin/policies" },
        { "GET", "/v1/admin/policy-assignments" },
        { "GET", "/v1/admin/policy-lookup?group=Matrix" },
        { "GET", "/v1/admin/access-tokens" },
        { "GET", "/v1/admin/api-keys" },
    };

    [SkippableTheory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task Admin_endpoints_refuse_anonymous_members_and_scim_keys_and_admit_admins(string method, string path)
    {
        var (anon, unknown, member, scim, admin, adminUser) = await Matrix(method, path);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (anon, unknown));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (member, scim));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (admin, adminUser));
    }

    [SkippableTheory]
    [InlineData("GET", "/scim/v2/Users")]
    [InlineData("GET", "/scim/v2/Groups")]
    public async Task Scim_endpoints_admit_only_scim_keys(string method, string path)
    {
        var (anon, unknown, member, scim, admin, adminUser) = await Matrix(method, path);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (anon, unknown));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (member, admin, adminUser));
        Assert.Equal(HttpStatusCode.OK, scim);
    }

    private async Task<(HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode)> Matrix(string method, string path)
    {
        async Task<HttpStatusCode> Call(HttpClient c) => (await c.SendAsync(new HttpRequestMessage(new HttpMethod(method), path))).StatusCode;
        return (await Call(_s.Anonymous), await Call(_s.Client("cdxt_not_a_real_token")), await Call(_s.Client(_member)),
            await Call(_s.Client(_scim)), await Call(_s.Admin), await Call(_s.Client(_adminUser)));
    }
}

/// <summary>The matrix on SQLite.</summary>
public sealed class AuthorizationMatrixTestsOnSqlite(SharedSqliteServer shared) : AuthorizationMatrixTests(shared), IClassFixture<SharedSqliteServer>;

/// <summary>The matrix on PostgreSQL.</summary>
public sealed class AuthorizationMatrixTestsOnPostgres(SharedPostgresServer shared) : AuthorizationMatrixTests(shared), IClassFixture<SharedPostgresServer>;
