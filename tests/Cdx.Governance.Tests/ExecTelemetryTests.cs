using System.Text.Json.Nodes;
using Cdx.Governance.Hosting;
using Cdx.Testing;
using Microsoft.AspNetCore.Builder;
using static Cdx.Governance.Tests.AnalyticsTestKit;

namespace Cdx.Governance.Tests;

/// <summary>
/// Issue 9's acceptance through the real binaries: `cdx login`, then `cdx exec` against the scripted
/// model server records usage, a `CODEX_LOG` with the prompt and a `CODEX_SECURITY_LOG` with the
/// sandbox denial and the rule rejection; a run while the server is down loses nothing and, once the
/// server is back on the same data, nothing arrives twice.
/// </summary>
public sealed class ExecTelemetryTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("cdx-exec-telemetry-").FullName;
    private readonly ShiftedClock _clock = new();
    private readonly string _outside = Path.Combine("/var/tmp", "cdx-telemetry-outside-" + Guid.NewGuid().ToString("N")[..8]);
    private WebApplication? _app;
    private string _url = "";

    private string Home => Path.Combine(_root, "home");
    private string Work => Path.Combine(_root, "work");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Path.Combine(Work, ".git"));
        await File.WriteAllTextAsync(Path.Combine(Work, ".git", "HEAD"), "ref: refs/heads/main\n");
        Directory.CreateDirectory(Path.Combine(Home, "rules"));
        await File.WriteAllTextAsync(Path.Combine(Home, "rules", "default.rules"), "prefix_rule(pattern=[\"rm\"], decision=\"forbidden\")\n");
        await StartServerAsync("http://127.0.0.1:0");
    }

    public async Task DisposeAsync()
    {
        await StopServerAsync();
        File.Delete(_outside);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Exec_records_usage_and_compliance_and_an_outage_loses_and_duplicates_nothing()
    {
        var admin = Client(GovernanceTestServer.AdminKey);
        var alice = (string)(await Send(admin, HttpMethod.Post, "/v1/admin/users", new { email = "alice@corp.example" }))["id"]!;
        var token = (string)(await Send(admin, HttpMethod.Post, $"/v1/admin/users/{alice}/access-tokens", new { name = "t" }))["token"]!;
        var ws = (string)(await Send(admin, HttpMethod.Get, "/v1/admin/workspace"))["id"]!;
        var analytics = Client((string)(await Send(admin, HttpMethod.Post, "/v1/admin/api-keys", new { name = "bi", scopes = new[] { "codex.enterprise.analytics.read" } }))["key"]!);
        var reader = Client((string)(await Send(admin, HttpMethod.Post, "/v1/admin/api-keys", new { name = "audit", scopes = new[] { "read" } }))["key"]!);

        var login = await Cdx(token, "login", "--server", _url, "--with-access-token");
        Assert.True(login.ExitCode == 0, login.Stderr);

        await using var model = await ScriptedModelServer.StartAsync(
            ScriptedTurn.Reply(Call("echo hi-from-cmd", "call_1")).WithUsage(100, 20, 30, 5),
            ScriptedTurn.Reply(Call($"echo x > {_outside}", "call_2")).WithUsage(200, 40, 10, 0),
            ScriptedTurn.Reply(Call("rm -rf build", "call_3")).WithUsage(300, 60, 10, 0),
            ScriptedTurn.Text("First done.").WithUsage(400, 80, 20, 2),
            ScriptedTurn.Text("Offline done.").WithUsage(10, 0, 1, 0),
            ScriptedTurn.Text("Back done.").WithUsage(20, 0, 2, 0));
        WriteConfig(model.BaseUrl);

        var first = await Exec("first prompt: build it");
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.False(File.Exists(_outside));
        Assert.Equal(0, SpoolPending()); // shipped at the end of the turn

        var usage = await GetJsonAsync(analytics, $"/v1/analytics/codex/workspaces/{ws}/usage?end_time={_clock.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds()}");
        Assert.True(usage["data"]!.AsArray().Count == 1, $"usage {usage.ToJsonString()}; exec stderr: {first.Stderr}");
        var row = usage["data"]![0]!;
        Assert.Equal(4, (int)row["responses"]!);
        Assert.Equal(1000, (long)row["tokens"]!["input"]!);
        Assert.Equal(200, (long)row["tokens"]!["cached_input"]!);
        Assert.Equal("cdx_exec", (string)row["clients"]![0]!["client_id"]!);

        // Outage: the run works, its events wait in the spool.
        var port = new Uri(_url).Port;
        await StopServerAsync();
        var offline = await Exec("second prompt: offline");
        Assert.True(offline.ExitCode == 0, offline.Stderr);
        Assert.Contains("governance telemetry not delivered yet", offline.Stderr);
        Assert.True(SpoolPending() > 0);

        await StartServerAsync($"http://127.0.0.1:{port}");
        var back = await Exec("third prompt: back");
        Assert.True(back.ExitCode == 0, back.Stderr);
        Assert.Equal(0, SpoolPending());

        usage = await GetJsonAsync(analytics, $"/v1/analytics/codex/workspaces/{ws}/usage?end_time={_clock.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds()}");
        row = Assert.Single(usage["data"]!.AsArray())!;
        Assert.True((int)row["responses"]! == 6, $"usage {usage.ToJsonString()}; offline: {offline.Stderr}; back: {back.Stderr}");
        Assert.Equal(3, (int)row["threads"]!);

        // Close the hour so the log files are listed.
        _clock.Offset = TimeSpan.FromHours(2);
        var log = await RecordsAsync(reader, ws, "CODEX_LOG");
        var prompts = log.Where(r => (string)r["kind"]! == "prompt").Select(r => (string)r["payload"]!["text"]!).ToList();
        Assert.Equal(["first prompt: build it", "second prompt: offline", "third prompt: back"], prompts);
        var result = Assert.Single(log, r => (string)r["kind"]! == "tool_result" && ((string)r["payload"]!["command"]!).Contains("hi-from-cmd"));
        Assert.Equal(0, (int)result["payload"]!["exit_code"]!);
        Assert.Contains("hi-from-cmd", (string)result["payload"]!["output"]!);
        Assert.Contains(log, r => (string)r["kind"]! == "agent_message" && (string)r["payload"]!["text"]! == "Offline done.");
        Assert.All(log, r => Assert.Equal("alice@corp.example", (string)r["user"]!["email"]!));

        var security = await RecordsAsync(reader, ws, "CODEX_SECURITY_LOG");
        var denial = Assert.Single(security, r => (string)r["kind"]! == "sandbox_denial");
        Assert.Contains(_outside, (string)denial["payload"]!["subject"]!);
        var rejection = Assert.Single(security, r => (string)r["kind"]! == "rejection");
        Assert.Contains("rm -rf build", (string)rejection["payload"]!["subject"]!);
        Assert.True((bool)rejection["payload"]!["from_rule"]!);
        // The offline run started on the cached policy: that is a policy fetch failure.
        Assert.Contains(security, r => (string)r["kind"]! == "policy_fetch_failure");

        // Nothing twice: every client event is one record.
        Assert.Equal(log.Count, log.Select(r => (string)r["hash"]!).Distinct().Count());
        Assert.Equal(prompts.Count, prompts.Distinct().Count());
    }

    private static JsonObject Call(string cmd, string id) =>
        ScriptedItem.FunctionCall("exec_command", new JsonObject { ["cmd"] = cmd, ["login"] = false }.ToJsonString(), id);

    private void WriteConfig(string baseUrl) => File.WriteAllText(Path.Combine(Home, "config.toml"), $"""
        model_provider = "mock"
        model = "gpt-5.5"
        web_search = "disabled"

        [model_providers.mock]
        name = "mock"
        base_url = "{baseUrl}"
        wire_api = "responses"
        env_key = "MOCK_API_KEY"
        request_max_retries = 0
        stream_max_retries = 0
        """);

    private Dictionary<string, string?> Env => new()
    {
        ["CODEX_HOME"] = Home,
        ["MOCK_API_KEY"] = "test-key",
        ["OPENAI_API_KEY"] = null,
        ["CDX_SYSTEM_CONFIG_DIR"] = Path.Combine(_root, "etc"),
    };

    private Task<ProcessResult> Cdx(string? stdin, params string[] args) =>
        CdxProcess.RunAsync(args, stdin ?? "", Work, Env, TimeSpan.FromMinutes(8)); // the first call may build the CLI

    private Task<ProcessResult> Exec(string prompt) =>
        Cdx(null, "exec", "--json", "--skip-git-repo-check", "-s", "workspace-write", "-C", Work, prompt);

    private long SpoolPending()
    {
        var path = Path.Combine(Home, "governance", "spool", "events.jsonl");
        var offset = Path.Combine(Home, "governance", "spool", "shipped.offset");
        var length = File.Exists(path) ? new FileInfo(path).Length : 0;
        return length - (File.Exists(offset) ? long.Parse(File.ReadAllText(offset)) : 0);
    }

    private async Task<List<JsonNode>> RecordsAsync(HttpClient reader, string ws, string type)
    {
        var listing = await GetJsonAsync(reader, $"/v1/compliance/workspaces/{ws}/logs?event_type={type}");
        var records = new List<JsonNode>();
        foreach (var f in listing["data"]!.AsArray())
        {
            var text = await reader.GetStringAsync($"/v1/compliance/workspaces/{ws}/logs/{(string)f!["id"]!}");
            records.AddRange(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)
                .Where(r => (string?)r["object"] == "compliance.record"));
        }
        return records;
    }

    private HttpClient Client(string bearer)
    {
        var http = new HttpClient { BaseAddress = new Uri(_url) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        return http;
    }

    private static async Task<JsonNode> Send(HttpClient http, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} -> {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    // Restartable on the same data directory and port (GovernanceTestServer deletes its data on dispose).
    private async Task StartServerAsync(string urls)
    {
        _app = await GovernanceServer.StartAsync(new GovernanceServerOptions
        {
            Urls = urls,
            DataDir = Path.Combine(_root, "data"),
            BootstrapKey = GovernanceTestServer.AdminKey,
            Output = TextWriter.Null,
            Time = _clock,
        }, CancellationToken.None);
        _url = GovernanceServer.ListeningOn(_app)[0];
    }

    private async Task StopServerAsync()
    {
        if (_app is null)
        {
            return;
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}

/// <summary>Real time plus an offset the test moves forward (to close the hour of the log files).</summary>
internal sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
