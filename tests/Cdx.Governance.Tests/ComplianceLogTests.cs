using System.Net;
using System.Text.Json.Nodes;
using Cdx.Governance.Compliance;
using static Cdx.Governance.Tests.AnalyticsTestKit;

namespace Cdx.Governance.Tests;

public sealed class ComplianceLogTests : IAsyncLifetime
{
    private readonly AnalyticsTestClock _clock = Clock();
    private GovernanceTestServer _s = null!;
    private string _ws = "";

    public async Task InitializeAsync()
    {
        _s = await GovernanceTestServer.StartAsync(time: _clock);
        _ws = await WorkspaceIdAsync(_s);
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private async Task<List<string>> DownloadAllAsync(HttpClient reader, string type)
    {
        var listing = await GetJsonAsync(reader, $"/v1/compliance/workspaces/{_ws}/logs?event_type={type}");
        var paths = new List<string>();
        foreach (var f in listing["data"]!.AsArray())
        {
            var id = (string)f!["id"]!;
            var path = Path.Combine(_s.Root, id + ".jsonl");
            await File.WriteAllTextAsync(path, await reader.GetStringAsync($"/v1/compliance/workspaces/{_ws}/logs/{id}"));
            paths.Add(path);
        }
        return paths;
    }

    [Fact]
    public async Task Closed_hour_files_are_listed_downloaded_and_verify_and_chain_across_files()
    {
        var (_, alice) = await UserAsync(_s, "alice@corp.example");
        await IngestAsync(alice, Log("a", "CODEX_LOG", "prompt", _clock.Unix, new { text = "héllo <world>" }), Log("b", "CODEX_LOG", "tool_call", _clock.Unix, new { cmd = "ls" }));
        var reader = await KeyAsync(_s, "read");
        Assert.Empty((await GetJsonAsync(reader, $"/v1/compliance/workspaces/{_ws}/logs?event_type=CODEX_LOG"))["data"]!.AsArray());

        _clock.Now = _clock.Now.AddHours(1);
        await IngestAsync(alice, Log("c", "CODEX_LOG", "agent_message", _clock.Unix, new { text = "done" }));
        _clock.Now = _clock.Now.AddHours(2);
        var listing = await GetJsonAsync(reader, $"/v1/compliance/workspaces/{_ws}/logs?event_type=CODEX_LOG&limit=1");
        Assert.True((bool)listing["has_more"]!);
        var next = await GetJsonAsync(reader, $"/v1/compliance/workspaces/{_ws}/logs?event_type=CODEX_LOG&after={Uri.EscapeDataString((string)listing["last_end_time"]!)}");
        Assert.False((bool)next["has_more"]!);
        Assert.Single(next["data"]!.AsArray());

        var files = await DownloadAllAsync(reader, "CODEX_LOG");
        Assert.Equal(2, files.Count);
        var result = LogVerifier.Verify(files);
        Assert.True(result.Ok, result.Problem);
        Assert.Equal(3, result.Records);
        var trailer = JsonNode.Parse(File.ReadAllLines(files[1])[^1])!;
        Assert.Equal((string)JsonNode.Parse(File.ReadAllLines(files[0])[1])!["hash"]!, (string)trailer["prev_hash"]!);
    }

    [Fact]
    public async Task Editing_one_record_makes_verification_fail_at_that_record()
    {
        var (_, alice) = await UserAsync(_s, "alice@corp.example");
        for (var i = 0; i < 5; i++)
        {
            await IngestAsync(alice, Log($"k{i}", "CODEX_SECURITY_LOG", "approval", _clock.Unix, new { command = $"rm -rf build{i}", decision = "approved" }));
        }
        _clock.Now = _clock.Now.AddHours(2);
        var file = Assert.Single(await DownloadAllAsync(await KeyAsync(_s, "read"), "CODEX_SECURITY_LOG"));
        Assert.True(LogVerifier.Verify([file]).Ok);

        var lines = File.ReadAllLines(file);
        var id = (string)JsonNode.Parse(lines[2])!["id"]!;
        lines[2] = lines[2].Replace("\"approved\"", "\"denied\"", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);
        var tampered = LogVerifier.Verify([file]);
        Assert.False(tampered.Ok);
        Assert.StartsWith($"{file}:3: record {id}", tampered.Problem);

        // Dropping a record (and fixing nothing else) is caught at the record after the gap.
        lines = File.ReadAllLines(file);
        File.WriteAllLines(file, lines.Where((_, i) => i != 2));
        Assert.StartsWith($"{file}:3: record", LogVerifier.Verify([file]).Problem);
    }

    [Fact]
    public async Task Deleting_a_user_tombstones_their_records_keeps_the_chain_verifiable_and_records_the_deletion()
    {
        var (aliceId, alice) = await UserAsync(_s, "alice@corp.example");
        var (_, bob) = await UserAsync(_s, "bob@corp.example");
        await IngestAsync(alice, Log("a1", "CODEX_LOG", "prompt", _clock.Unix, new { text = "secret plan" }));
        await IngestAsync(bob, Log("b1", "CODEX_LOG", "prompt", _clock.Unix, new { text = "prompt of bob" }));
        await IngestAsync(alice, Log("a2", "CODEX_LOG", "file_change", _clock.Unix, new { path = "plan.txt" }));

        var reader = await KeyAsync(_s, "read");
        using (var refused = await reader.DeleteAsync($"/v1/compliance/workspaces/{_ws}/users/{aliceId}/records"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        var deleter = await KeyAsync(_s, "delete");
        using var response = await deleter.DeleteAsync($"/v1/compliance/workspaces/{_ws}/users/{aliceId}/records");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(2, (int)body["deleted"]!["CODEX_LOG"]!);

        _clock.Now = _clock.Now.AddHours(2);
        var file = Assert.Single(await DownloadAllAsync(reader, "CODEX_LOG"));
        var text = await File.ReadAllTextAsync(file);
        Assert.DoesNotContain("secret plan", text);
        Assert.DoesNotContain("alice@corp.example", text);
        Assert.Contains("prompt of bob", text);
        var records = File.ReadAllLines(file)[..^1].Select(l => JsonNode.Parse(l)!).ToList();
        var deletion = records[^1];
        Assert.Equal(("records_deleted", 2), ((string)deletion["kind"]!, (int)deletion["payload"]!["records"]!));
        Assert.NotNull(records[0]["payload_deleted_at"]);
        var result = LogVerifier.Verify([file]);
        Assert.True(result.Ok, result.Problem);
    }

    [Fact]
    public async Task Retention_drops_old_files_and_the_purge_record_anchors_the_retained_chain()
    {
        var (_, alice) = await UserAsync(_s, "alice@corp.example");
        await IngestAsync(alice, Log("old", "CODEX_LOG", "prompt", _clock.Unix, new { text = "old" }));
        _clock.Now = _clock.Now.AddDays(31);
        await IngestAsync(alice, Log("new", "CODEX_LOG", "prompt", _clock.Unix, new { text = "new" }));
        var service = _s.Services<RetentionService>();
        Assert.Equal(1, await service.RunOnceAsync(CancellationToken.None));

        _clock.Now = _clock.Now.AddHours(2);
        var reader = await KeyAsync(_s, "read");
        var file = Assert.Single(await DownloadAllAsync(reader, "CODEX_LOG"));
        var records = File.ReadAllLines(file)[..^1].Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["new", "retention_purge"], records.Select(r => (string?)r["payload"]!["text"] ?? (string)r["kind"]!));
        Assert.Equal((string)records[0]["prev_hash"]!, (string)records[1]["payload"]!["purged_through_hash"]!);
        Assert.True(LogVerifier.Verify([file]).Ok);
    }

    [Fact]
    public async Task Compliance_endpoints_need_the_read_scope_and_the_right_workspace()
    {
        using (var response = await _s.Admin.GetAsync($"/v1/compliance/workspaces/{_ws}/logs?event_type=CODEX_LOG"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        var analytics = await KeyAsync(_s, "codex.enterprise.analytics.read");
        using (var response = await analytics.GetAsync($"/v1/compliance/workspaces/{_ws}/codex_tasks"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        var reader = await KeyAsync(_s, "read");
        using (var response = await reader.GetAsync("/v1/compliance/workspaces/not-this-one/logs?event_type=CODEX_LOG"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using (var response = await reader.GetAsync($"/v1/compliance/workspaces/{_ws}/logs?event_type=AUTH_LOG"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }
}
