using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cdx.Governance.Client.Telemetry;
using Cdx.Governance.Hosting;

// Usage: dotnet run -c Release -- [--database CONN] [--usage N] [--compliance N] [--users N] [--days N] [--clients N] [--runs N]
// Generates realistic traffic (many users, sessions of prompts, tool calls, approvals, sandbox denials,
// usage per response) spread over --days, sends it through POST /v1/clients/events while a bench clock
// walks forward (so compliance files are cut across the whole period), then times the queries.
var opts = Args.Parse(args);
var root = Path.Combine(Path.GetTempPath(), "cdx-gov-bench-" + Environment.ProcessId);
var clock = new BenchClock(DateTimeOffset.UtcNow.AddDays(-opts.Days));
const string adminKey = "cdxa_bench_bootstrap_key_0123456789abcdef0123456789abcdef";
var app = await GovernanceServer.StartAsync(new GovernanceServerOptions
{
    Urls = "http://127.0.0.1:0", DataDir = root, Database = opts.Database, BootstrapKey = adminKey, Output = TextWriter.Null, Time = clock,
}, CancellationToken.None);
var url = GovernanceServer.ListeningOn(app)[0];
using var admin = Client(url, adminKey);
var ws = (string)(await Json(admin, HttpMethod.Get, "/v1/admin/workspace"))["id"]!;
var users = new List<HttpClient>();
for (var i = 0; i < opts.Users; i++)
{
    var id = (string)(await Json(admin, HttpMethod.Post, "/v1/admin/users", new { email = $"user{i}@bench.example" }))["id"]!;
    users.Add(Client(url, (string)(await Json(admin, HttpMethod.Post, $"/v1/admin/users/{id}/access-tokens", new { name = "bench" }))["token"]!));
}
var analytics = Client(url, (string)(await Json(admin, HttpMethod.Post, "/v1/admin/api-keys", new { name = "a", scopes = new[] { "codex.enterprise.analytics.read" } }))["key"]!);
var reader = Client(url, (string)(await Json(admin, HttpMethod.Post, "/v1/admin/api-keys", new { name = "r", scopes = new[] { "read" } }))["key"]!);

// Generation: rounds of --clients concurrent batches; each batch is one user's session slice.
const int batchSize = 1000;
var total = opts.Usage + opts.Compliance;
var rounds = (int)Math.Ceiling(total / (double)(batchSize * opts.Clients));
var span = TimeSpan.FromDays(opts.Days) - TimeSpan.FromMinutes(5);
long sentUsage = 0, sentCompliance = 0;
var rng = new Random(42);
var sw = Stopwatch.StartNew();
for (var round = 0; round < rounds; round++)
{
    clock.Now = DateTimeOffset.UtcNow - TimeSpan.FromDays(opts.Days) + (span * (round / (double)Math.Max(1, rounds - 1)));
    var tasks = new List<Task>();
    for (var c = 0; c < opts.Clients && sentUsage + sentCompliance < total; c++)
    {
        var user = rng.Next(users.Count);
        var usageShare = opts.Usage / (double)total;
        var events = Generator.Batch(rng, user, clock.Now.ToUnixTimeSeconds(), batchSize, usageShare, round, c);
        sentUsage += events.Count(e => e.Type == TelemetryEventTypes.Usage);
        sentCompliance += events.Count(e => e.Type != TelemetryEventTypes.Usage);
        tasks.Add(Send(users[user], events));
    }
    await Task.WhenAll(tasks);
    if (round % 50 == 0)
    {
        Console.Error.WriteLine($"  {sentUsage + sentCompliance:N0} events, {(sentUsage + sentCompliance) / sw.Elapsed.TotalSeconds:N0}/s");
    }
}
var ingestSeconds = sw.Elapsed.TotalSeconds;
clock.Now = DateTimeOffset.UtcNow.AddHours(2);

var now = clock.Now.ToUnixTimeSeconds();
var usageWs = await Time(opts.Runs, () => analytics.GetStringAsync($"/v1/analytics/codex/workspaces/{ws}/usage?group=workspace&start_time={now - (30 * 86400)}&end_time={now}&limit=31"));
var usageUser = await Time(opts.Runs, () => analytics.GetStringAsync($"/v1/analytics/codex/workspaces/{ws}/usage?start_time={now - (30 * 86400)}&end_time={now}&limit=100"));
var after = DateTimeOffset.FromUnixTimeSeconds(now - (30 * 86400)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
var logs = await Time(opts.Runs, () => reader.GetStringAsync($"/v1/compliance/workspaces/{ws}/logs?event_type=CODEX_LOG&after={after}&limit=100"));
var listing = JsonNode.Parse(await reader.GetStringAsync($"/v1/compliance/workspaces/{ws}/logs?event_type=CODEX_LOG&limit=1"))!;
var fileId = (string)listing["data"]![0]!["id"]!;
var download = await Time(Math.Min(opts.Runs, 5), () => reader.GetStringAsync($"/v1/compliance/workspaces/{ws}/logs/{fileId}"));

Console.WriteLine($"| provider | usage events | compliance records | users | days | ingestion (events/s) | 30-day usage, workspace p50/p95 ms | 30-day usage, per user page p50/p95 ms | logs listing p50/p95 ms | one file download p50 ms |");
Console.WriteLine($"| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
Console.WriteLine($"| {(opts.Database is null ? "SQLite" : "PostgreSQL")} | {sentUsage:N0} | {sentCompliance:N0} | {opts.Users} | {opts.Days} | {total / ingestSeconds:N0} | {usageWs.P50:N0} / {usageWs.P95:N0} | {usageUser.P50:N0} / {usageUser.P95:N0} | {logs.P50:N0} / {logs.P95:N0} | {download.P50:N0} |");
await app.StopAsync();
await app.DisposeAsync();
if (opts.Database is null)
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(root, recursive: true);
}
return 0;

static HttpClient Client(string url, string bearer)
{
    var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
    return http;
}

static async Task<JsonNode> Json(HttpClient http, HttpMethod method, string path, object? body = null)
{
    using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
    using var response = await http.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    return response.IsSuccessStatusCode ? JsonNode.Parse(text)! : throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
}

static async Task Send(HttpClient user, List<TelemetryEvent> events)
{
    using var response = await user.PostAsJsonAsync("/v1/clients/events", new EventBatch { Events = events }, TelemetryJsonContext.Default.EventBatch);
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"ingest: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

static async Task<(double P50, double P95)> Time(int runs, Func<Task<string>> call)
{
    await call();
    var ms = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        await call();
        ms.Add(sw.Elapsed.TotalMilliseconds);
    }
    ms.Sort();
    return (ms[ms.Count / 2], ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(ms.Count * 0.95) - 1)]);
}

/// <summary>A clock the generator walks through the simulated period.</summary>
internal sealed class BenchClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Command-line options.</summary>
internal sealed record Args(string? Database, long Usage, long Compliance, int Users, int Days, int Clients, int Runs)
{
    public static Args Parse(string[] a)
    {
        string? Get(string name) => Array.IndexOf(a, name) is var i and >= 0 && i + 1 < a.Length ? a[i + 1] : null;
        long Num(string name, long fallback) => Get(name) is { } v ? long.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Args(Get("--database"), Num("--usage", 100_000), Num("--compliance", 100_000), (int)Num("--users", 500),
            (int)Num("--days", 35), (int)Num("--clients", 4), (int)Num("--runs", 20));
    }
}

/// <summary>Realistic event mixes: sessions of prompts, tool calls and results, file changes, approvals, denials.</summary>
internal static class Generator
{
    private static readonly string[] LogKinds = ["prompt", "agent_message", "tool_call", "tool_result", "tool_call", "tool_result", "file_change"];
    private static readonly string[] SecurityKinds = ["approval", "approval", "rejection", "sandbox_denial", "rule_match", "requirement_fallback", "policy_fetch_failure"];
    private static readonly string[] Models = ["gpt-5-codex", "gpt-5", "gpt-5-mini"];
    private static readonly string[] Clients = ["cdx_exec", "cdx_tui", "cdx_exec", "cdx_vscode"];

    public static List<TelemetryEvent> Batch(Random rng, int user, long now, int size, double usageShare, int round, int slot)
    {
        var thread = $"th-{user}-{round / 20}";
        var env = new TelemetryEnvironment { MachineId = $"m-{user}", Hostname = $"dev-{user}", Os = "linux", Cwd = $"/home/u{user}/repo{user % 7}" };
        var client = Clients[user % Clients.Length];
        var model = Models[rng.Next(Models.Length)];
        var list = new List<TelemetryEvent>(size);
        for (var i = 0; i < size; i++)
        {
            var ts = now - rng.Next(0, 300);
            var key = $"{round}-{slot}-{i}";
            var turn = $"{thread}-t{i / 8}";
            if (rng.NextDouble() < usageShare)
            {
                var input = rng.Next(2_000, 60_000);
                list.Add(new TelemetryEvent
                {
                    IdempotencyKey = key, Type = TelemetryEventTypes.Usage, Timestamp = ts, ThreadId = thread, TurnId = turn, Client = client, Model = model,
                    Tokens = new TelemetryTokens { Input = input, CachedInput = input * rng.Next(0, 90) / 100, Output = rng.Next(50, 4_000), Reasoning = rng.Next(0, 2_000) },
                });
                continue;
            }
            var security = rng.NextDouble() < 0.15;
            var kind = security ? SecurityKinds[rng.Next(SecurityKinds.Length)] : LogKinds[rng.Next(LogKinds.Length)];
            list.Add(new TelemetryEvent
            {
                IdempotencyKey = key, Type = security ? TelemetryEventTypes.CodexSecurityLog : TelemetryEventTypes.CodexLog, Kind = kind,
                Timestamp = ts, ThreadId = thread, TurnId = turn, Client = client, Model = model, Environment = env,
                Payload = JsonSerializer.SerializeToElement(new Dictionary<string, string>
                {
                    ["text"] = kind + " " + new string('x', rng.Next(40, 400)),
                    ["command"] = $"cargo test -p crate{rng.Next(50)}",
                }),
            });
        }
        return list;
    }
}
