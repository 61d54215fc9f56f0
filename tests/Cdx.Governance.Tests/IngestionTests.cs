using System.Net;
using System.Net.Http.Json;
using static Cdx.Governance.Tests.AnalyticsTestKit;

namespace Cdx.Governance.Tests;

public sealed class IngestionTests : IAsyncLifetime
{
    private readonly AnalyticsTestClock _clock = Clock();
    private GovernanceTestServer _s = null!;

    public async Task InitializeAsync() => _s = await GovernanceTestServer.StartAsync(time: _clock);

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task A_batch_sent_twice_is_stored_once_and_the_second_answer_counts_duplicates()
    {
        var (_, alice) = await UserAsync(_s, "alice@corp.example");
        var t = _clock.Unix - 600;
        object[] batch =
        [
            Usage("u1", t, "th-1", "tu-1"), Usage("u2", t, "th-1", "tu-2"),
            Log("l1", "CODEX_LOG", "prompt", t, new { text = "fix the build" }),
            Log("s1", "CODEX_SECURITY_LOG", "sandbox_denial", t, new { command = "curl example.com" }),
        ];
        var first = await IngestAsync(alice, batch);
        var second = await IngestAsync(alice, batch);
        Assert.Equal((4, 0), ((int)first["accepted"]!, (int)first["duplicates"]!));
        Assert.Equal((0, 4), ((int)second["accepted"]!, (int)second["duplicates"]!));

        var analytics = await KeyAsync(_s, "codex.enterprise.analytics.read");
        var ws = await WorkspaceIdAsync(_s);
        var usage = await GetJsonAsync(analytics, $"/v1/analytics/codex/workspaces/{ws}/usage?start_time={t - 10}&end_time={t + 10}");
        var row = Assert.Single(usage["data"]!.AsArray())!;
        Assert.Equal(2, (int)row["turns"]!);
        Assert.Equal(200, (long)row["tokens"]!["input"]!);
    }

    [Fact]
    public async Task Two_users_may_use_the_same_idempotency_key_without_shadowing_each_other()
    {
        var (_, alice) = await UserAsync(_s, "alice@corp.example");
        var (_, bob) = await UserAsync(_s, "bob@corp.example");
        var t = _clock.Unix - 60;
        Assert.Equal(1, (int)(await IngestAsync(alice, Usage("same", t, "a", "a1")))["accepted"]!);
        Assert.Equal(1, (int)(await IngestAsync(bob, Usage("same", t, "b", "b1")))["accepted"]!);
    }

    [Fact]
    public async Task Ingestion_needs_a_user_token_and_refuses_unknown_kinds_naming_the_event()
    {
        var t = _clock.Unix;
        using (var anon = await _s.Anonymous.PostAsJsonAsync("/v1/clients/events", new { events = new[] { Usage("x", t, "a", "b") } }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anon.StatusCode);
        }
        using (var admin = await _s.Admin.PostAsJsonAsync("/v1/clients/events", new { events = new[] { Usage("x", t, "a", "b") } }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        }
        var (_, alice) = await UserAsync(_s, "alice@corp.example");
        using var bad = await alice.PostAsJsonAsync("/v1/clients/events", new { events = new[] { Usage("x", t, "a", "b"), Log("y", "CODEX_LOG", "launch_missiles", t, new { }) } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("events[1].kind", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Tasks_and_environments_list_the_threads_and_machines_seen()
    {
        var (alice, client) = await UserAsync(_s, "alice@corp.example");
        var t = _clock.Unix - 100;
        await IngestAsync(client, Log("p", "CODEX_LOG", "prompt", t, new { text = "hi" }, thread: "th-9"), Usage("u", t + 5, "th-9", "tu-1", input: 7));
        var reader = await KeyAsync(_s, "read");
        var ws = await WorkspaceIdAsync(_s);
        var task = Assert.Single((await GetJsonAsync(reader, $"/v1/compliance/workspaces/{ws}/codex_tasks"))["data"]!.AsArray())!;
        Assert.Equal("th-9", (string)task["thread_id"]!);
        Assert.Equal(alice, (string)task["user"]!["id"]!);
        Assert.Equal((t, t + 5, 7L), ((long)task["first_seen_at"]!, (long)task["last_seen_at"]!, (long)task["tokens"]!["input"]!));
        var env = Assert.Single((await GetJsonAsync(reader, $"/v1/compliance/workspaces/{ws}/codex_environments"))["data"]!.AsArray())!;
        Assert.Equal(("/src/app", "dev-box"), ((string)env["cwd"]!, (string)env["hostname"]!));
        Assert.Equal((string)env["id"]!, (string)task["environment_id"]!);
    }
}
