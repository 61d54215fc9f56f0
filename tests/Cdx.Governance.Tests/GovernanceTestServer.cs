using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cdx.Governance.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Cdx.Governance.Tests;

/// <summary>A real governance server on 127.0.0.1 (ephemeral port) over a real SQLite file in a temp directory or a fresh PostgreSQL database.</summary>
public sealed class GovernanceTestServer : IAsyncDisposable
{
    public const string AdminKey = "cdxa_test_bootstrap_key_0123456789abcdef0123456789abcdef";

    private readonly WebApplication _app;

    private readonly string? _postgres;

    private GovernanceTestServer(WebApplication app, string root, string url, string? postgres)
    {
        _app = app;
        _postgres = postgres;
        Root = root;
        Url = url;
        Admin = Client(AdminKey);
        Anonymous = Client(null);
    }

    public string Root { get; }
    public string Url { get; }
    public HttpClient Admin { get; }
    public HttpClient Anonymous { get; }

    public static async Task<GovernanceTestServer> StartAsync(TestDatabase db = TestDatabase.Sqlite, TimeSpan? ttl = null,
        Func<GovernanceServerOptions, GovernanceServerOptions>? configure = null, TimeProvider? time = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "cdx-gov-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var postgres = db == TestDatabase.Postgres ? await TestPostgres.CreateDatabaseAsync() : null;
        var options = new GovernanceServerOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDir = Path.Combine(root, "data"),
            Database = postgres,
            BootstrapKey = AdminKey,
            RequirementsTtl = ttl ?? TimeSpan.FromMinutes(30),
            Output = TextWriter.Null,
            Time = time ?? TimeProvider.System,
        };
        var app = await GovernanceServer.StartAsync(configure?.Invoke(options) ?? options, CancellationToken.None);
        return new GovernanceTestServer(app, root, GovernanceServer.ListeningOn(app)[0], postgres);
    }

    /// <summary>A service from the running server (e.g. to run a background job once).</summary>
    public T Services<T>() where T : notnull => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(_app.Services);

    public HttpClient Client(string? bearer)
    {
        var http = new HttpClient { BaseAddress = new Uri(Url) };
        if (bearer is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return http;
    }

    /// <summary>POSTs/PUTs JSON as admin and returns the parsed body, failing on a non-success status.</summary>
    public async Task<JsonNode> AdminSendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await Admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} -> {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public async Task<string> CreateUserAsync(string email) =>
        (string)(await AdminSendAsync(HttpMethod.Post, "/v1/admin/users", new { email }))["id"]!;

    public async Task<string> CreateGroupAsync(string name, params string[] userIds)
    {
        var id = (string)(await AdminSendAsync(HttpMethod.Post, "/v1/admin/groups", new { display_name = name }))["id"]!;
        foreach (var u in userIds)
        {
            await AdminSendAsync(HttpMethod.Put, $"/v1/admin/groups/{id}/members/{u}");
        }
        return id;
    }

    public async Task<string> CreatePolicyAsync(string name, string contents) =>
        (string)(await AdminSendAsync(HttpMethod.Post, "/v1/admin/policies", new { name, contents }))["id"]!;

    public async Task AssignAsync(string? defaultPolicyId, params (string Group, string Policy)[] rules) =>
        await AdminSendAsync(HttpMethod.Put, "/v1/admin/policy-assignments", new
        {
            rules = rules.Select(r => new { group_id = r.Group, policy_id = r.Policy }).ToArray(),
            default_policy_id = defaultPolicyId,
        });

    public async Task<string> CreateTokenAsync(string userId, int? days = null) =>
        (string)(await AdminSendAsync(HttpMethod.Post, $"/v1/admin/users/{userId}/access-tokens", new { name = "test", expires_in_days = days }))["token"]!;

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Anonymous.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await TestPostgres.DropDatabaseAsync(_postgres);
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
