using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cdx.Governance.Tests;

/// <summary>A clock the test moves by hand (closing log buckets, placing analytics windows).</summary>
public sealed class AnalyticsTestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public long Unix => Now.ToUnixTimeSeconds();

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Helpers shared by the ingestion, compliance and analytics tests.</summary>
public static class AnalyticsTestKit
{
    /// <summary>A clock at a fixed UTC midnight, 10:00, so day edges are easy to place.</summary>
    public static AnalyticsTestClock Clock() =>
        new(new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(-1).AddHours(10), TimeSpan.Zero));

    public static async Task<string> WorkspaceIdAsync(GovernanceTestServer s) =>
        (string)(await s.AdminSendAsync(HttpMethod.Get, "/v1/admin/workspace"))["id"]!;

    public static async Task<HttpClient> KeyAsync(GovernanceTestServer s, params string[] scopes) =>
        s.Client((string)(await s.AdminSendAsync(HttpMethod.Post, "/v1/admin/api-keys", new { name = "k", scopes }))["key"]!);

    public static async Task<(string UserId, HttpClient Client)> UserAsync(GovernanceTestServer s, string email)
    {
        var id = await s.CreateUserAsync(email);
        return (id, s.Client(await s.CreateTokenAsync(id)));
    }

    public static object Usage(string key, long ts, string thread, string turn, long input = 100, long output = 10, string client = "cdx_exec") => new
    {
        idempotency_key = key, type = "usage", timestamp = ts, thread_id = thread, turn_id = turn, client, model = "gpt-5",
        tokens = new { input, cached_input = input / 2, output, reasoning = output / 2 },
    };

    public static object Log(string key, string type, string kind, long ts, object payload, string thread = "th-1") => new
    {
        idempotency_key = key, type, kind, timestamp = ts, thread_id = thread, turn_id = "tu-1", client = "cdx_exec", model = "gpt-5",
        environment = new { machine_id = "m-1", hostname = "dev-box", os = "linux", cwd = "/src/app", git_remote = "git@example.com:app.git" },
        payload,
    };

    public static async Task<JsonNode> IngestAsync(HttpClient user, params object[] events)
    {
        using var response = await user.PostAsJsonAsync("/v1/clients/events", new { events });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"ingest -> {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public static async Task<JsonNode> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} -> {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
