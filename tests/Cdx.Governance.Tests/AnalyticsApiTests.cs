using System.Net;
using static Cdx.Governance.Tests.AnalyticsTestKit;

namespace Cdx.Governance.Tests;

public sealed class AnalyticsApiTests : IAsyncLifetime
{
    private readonly AnalyticsTestClock _clock = Clock();
    private GovernanceTestServer _s = null!;
    private HttpClient _analytics = null!;
    private string _base = "";

    public async Task InitializeAsync()
    {
        _s = await GovernanceTestServer.StartAsync(time: _clock);
        _analytics = await KeyAsync(_s, "codex.enterprise.analytics.read");
        _base = $"/v1/analytics/codex/workspaces/{await WorkspaceIdAsync(_s)}";
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private long Midnight => _clock.Unix - (_clock.Unix % 86400);

    [Fact]
    public async Task Start_time_is_inclusive_end_time_exclusive_and_days_split_at_utc_midnight()
    {
        var (_, alice) = await UserAsync(_s, "alice@corp.example");
        var day = Midnight - 86400;
        await IngestAsync(alice, Usage("before", day - 1, "t0", "x0"), Usage("start", day, "t1", "x1"),
            Usage("last", day + 86400 - 1, "t2", "x2"), Usage("nextday", day + 86400, "t3", "x3"), Usage("end", day + 86400 + 10, "t4", "x4"));
        var page = await GetJsonAsync(_analytics, $"{_base}/usage?group=workspace&start_time={day}&end_time={day + 86400 + 10}");
        var rows = page["data"]!.AsArray();
        Assert.Equal(2, rows.Count);
        Assert.Equal((day, day + 86400, 2), ((long)rows[0]!["start_time"]!, (long)rows[0]!["end_time"]!, (int)rows[0]!["responses"]!));
        Assert.Equal((day + 86400, day + 86400 + 10, 1), ((long)rows[1]!["start_time"]!, (long)rows[1]!["end_time"]!, (int)rows[1]!["responses"]!));
        Assert.Equal("cdx_exec", (string)rows[0]!["clients"]![0]!["client_id"]!);
        Assert.Equal("page", (string)page["object"]!);
        Assert.False((bool)page["has_more"]!);
    }

    [Fact]
    public async Task Week_buckets_start_on_monday_utc()
    {
        var (_, alice) = await UserAsync(_s, "alice@corp.example");
        var start = _clock.Unix - (80L * 86400);
        await IngestAsync(alice, Enumerable.Range(0, 20).Select(i => Usage($"w{i}", start + (i * 86400L), $"t{i}", $"x{i}")).ToArray());
        var rows = (await GetJsonAsync(_analytics, $"{_base}/usage?group=workspace&group_by=week&start_time={start}&end_time={start + (20 * 86400L)}"))["data"]!.AsArray();
        Assert.Equal(20, rows.Sum(r => (int)r!["responses"]!));
        foreach (var r in rows.Skip(1))
        {
            var s = DateTimeOffset.FromUnixTimeSeconds((long)r!["start_time"]!);
            Assert.Equal((DayOfWeek.Monday, TimeSpan.Zero), (s.DayOfWeek, s.TimeOfDay));
        }
    }

    [Fact]
    public async Task Pages_neither_repeat_nor_skip_rows_while_events_keep_arriving()
    {
        var day = Midnight - 86400;
        var original = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            var (id, client) = await UserAsync(_s, $"user{i}@corp.example");
            original.Add(id);
            await IngestAsync(client, Usage($"o{i}", day + 100, "t", "x"));
        }
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var (_, c) = await UserAsync(_s, $"late{n}@corp.example");
                await IngestAsync(c, Usage($"l{n}", day + 200, "t", "x"));
            }
        });
        var seen = new List<string>();
        string? next = null;
        do
        {
            var page = await GetJsonAsync(_analytics, $"{_base}/usage?start_time={day}&end_time={day + 86400}&limit=2" + (next is null ? "" : $"&page={next}"));
            seen.AddRange(page["data"]!.AsArray().Select(r => (string)r!["user"]!["id"]!));
            next = (string?)page["next_page"];
            await Task.Delay(20);
        }
        while (next is not null);
        await stop.CancelAsync();
        await writer;
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(original, id => Assert.Single(seen, id));
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task A_window_reaching_back_more_than_90_days_is_refused_with_the_limit()
    {
        using var response = await _analytics.GetAsync($"{_base}/usage?start_time={_clock.Unix - (91L * 86400)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("90 days", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_keys_with_the_analytics_scope_may_read_analytics()
    {
        foreach (var client in new[] { _s.Admin, await KeyAsync(_s, "read"), (await UserAsync(_s, "a@corp.example")).Client })
        {
            using var response = await client.GetAsync($"{_base}/usage");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        using var anonymous = await _s.Anonymous.GetAsync($"{_base}/code_reviews");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Code_reviews_and_responses_are_counted_per_day()
    {
        var (_, alice) = await UserAsync(_s, "alice@corp.example");
        var t = Midnight - 3600;
        await IngestAsync(alice,
            new { idempotency_key = "r1", type = "code_review", timestamp = t, payload = new { review_id = "pr-1", comments = 3, p0 = 1, p1 = 1, p2 = 1 } },
            new { idempotency_key = "r2", type = "code_review", timestamp = t, payload = new { review_id = "pr-2", comments = 1, p0 = 0, p1 = 0, p2 = 1 } },
            new { idempotency_key = "c1", type = "code_review_response", timestamp = t, payload = new { comment_id = "c-1", reaction = "positive", reply = true } },
            new { idempotency_key = "c2", type = "code_review_response", timestamp = t, payload = new { comment_id = "c-2", reaction = "negative", reply = false } });
        var review = Assert.Single((await GetJsonAsync(_analytics, $"{_base}/code_reviews?start_time={t - 10}"))["data"]!.AsArray())!;
        Assert.Equal((2, 4L, 2L), ((int)review["reviews"]!, (long)review["comments"]!, (long)review["comments_by_priority"]!["p2"]!));
        var resp = Assert.Single((await GetJsonAsync(_analytics, $"{_base}/code_review_responses?start_time={t - 10}"))["data"]!.AsArray())!;
        Assert.Equal((1, 1, 2, 1), ((int)resp["replies"]!, (int)resp["reactions"]!["negative"]!, (int)resp["comments_with_reactions"]!, (int)resp["comments_with_replies"]!));
    }
}
