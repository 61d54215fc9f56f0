using System.Text.Json.Nodes;
using static Cdx.Governance.Tests.AnalyticsTestKit;

namespace Cdx.Governance.Tests;

/// <summary>
/// The `usage` answers come from the daily rollup (whole days) plus raw events (partial edge days);
/// these tests compare them with sums computed here directly over the events that were sent.
/// </summary>
public sealed class AnalyticsRollupTests : IAsyncLifetime
{
    private readonly AnalyticsTestClock _clock = Clock();
    private GovernanceTestServer? _s;
    private HttpClient _analytics = null!;
    private string _base = "";

    private sealed record Ev(string User, string Key, long Ts, string Thread, string Turn, string Client, long Input, long Output);

    private async Task StartAsync(TestDatabase db)
    {
        if (!TestPostgres.Available(db))
        {
            throw TestPostgres.Skipped();
        }
        _s = await GovernanceTestServer.StartAsync(db, time: _clock);
        _analytics = await KeyAsync(_s, "codex.enterprise.analytics.read");
        _base = $"/v1/analytics/codex/workspaces/{await WorkspaceIdAsync(_s)}";
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_s is not null)
        {
            await _s.DisposeAsync();
        }
    }

    private async Task<List<Ev>> SeedAsync()
    {
        var rng = new Random(7);
        var events = new List<Ev>();
        var now = _clock.Unix;
        var midnight = now - (now % 86400);
        for (var u = 0; u < 3; u++)
        {
            var (id, client) = await UserAsync(_s!, $"roll{u}@corp.example");
            var mine = new List<Ev>();
            for (var i = 0; i < 160; i++)
            {
                var ts = now - 25L * 86400 + rng.Next(0, 25 * 86400 - 3600);
                var thread = $"th-{u}-{rng.Next(4)}"; // threads span many days and weeks; a thread runs in one client
                var turn = $"{thread}-h{ts / 3600}-{rng.Next(3)}"; // a turn stays within one UTC hour
                mine.Add(new Ev(id, $"k{u}-{i}", ts, thread, turn, thread.EndsWith('0') ? "cdx_tui" : "cdx_exec", rng.Next(1, 5000), rng.Next(1, 900)));
            }
            // Events exactly on the edges used below: midnight (start of a day) and the second before.
            mine.Add(new Ev(id, $"edge-a{u}", midnight - 10 * 86400, $"th-edge{u}", $"tu-edge-a{u}", "cdx_exec", 11, 1));
            mine.Add(new Ev(id, $"edge-b{u}", midnight - 10 * 86400 - 1, $"th-edge{u}", $"tu-edge-b{u}", "cdx_exec", 13, 1));
            var wire = mine.Select(e => Usage(e.Key, e.Ts, e.Thread, e.Turn, e.Input, e.Output, e.Client)).ToArray();
            var first = await IngestAsync(client, wire);
            Assert.Equal(mine.Count, (int)first["accepted"]!);
            // The same batch again and a batch repeating a key inside itself: nothing more is counted.
            var again = await IngestAsync(client, wire.Take(50).Concat(wire.Take(5)).ToArray());
            Assert.Equal((0, 55), ((int)again["accepted"]!, (int)again["duplicates"]!));
            events.AddRange(mine);
        }
        return events;
    }

    private static IEnumerable<(long Bucket, string Owner, string Client, List<Ev> Events)> Expected(List<Ev> all, long start, long end, long origin, long size, bool byUser)
    {
        var inWindow = all.Where(e => e.Ts >= start && e.Ts < end).ToList();
        foreach (var g in inWindow.GroupBy(e => (B: Floor(e.Ts - origin, size), Owner: byUser ? e.User : "")).OrderBy(g => g.Key.B).ThenBy(g => g.Key.Owner, StringComparer.Ordinal))
        {
            yield return (g.Key.B, g.Key.Owner, "", g.ToList());
        }
    }

    private static long Floor(long a, long b) => (long)Math.Floor(a / (double)b);

    // Turns are counted per UTC day (a week sums its days) under the hour of their first event; the
    // data keeps every turn inside one hour, where that matches distinct turn ids exactly.
    private static long Turns(List<Ev> evs) => evs.Select(e => (e.Ts / 86400, e.Turn)).Distinct().Count();

    private async Task<List<JsonNode>> AllPagesAsync(string query)
    {
        var rows = new List<JsonNode>();
        string? next = null;
        do
        {
            var page = await GetJsonAsync(_analytics, $"{_base}/usage?{query}&limit=7" + (next is null ? "" : $"&page={next}"));
            rows.AddRange(page["data"]!.AsArray().Select(r => r!));
            next = (string?)page["next_page"];
        }
        while (next is not null);
        return rows;
    }

    [SkippableTheory]
    [InlineData("day", false, TestDatabase.Sqlite)]
    [InlineData("day", true, TestDatabase.Sqlite)]
    [InlineData("week", false, TestDatabase.Sqlite)]
    [InlineData("week", true, TestDatabase.Sqlite)]
    [InlineData("day", false, TestDatabase.Postgres)]
    [InlineData("week", true, TestDatabase.Postgres)]
    public async Task Usage_from_the_rollup_matches_sums_over_the_raw_events(string groupBy, bool workspace, TestDatabase db)
    {
        await StartAsync(db);
        var events = await SeedAsync();
        var now = _clock.Unix;
        var midnight = now - (now % 86400);
        // Start and end inside days and hours (days, hours and raw seconds all contribute), a window
        // starting exactly at midnight (the edge-a events count, edge-b does not), a window inside one
        // day (hours and raw seconds only) and one inside one hour (raw only).
        var windows = new[]
        {
            (now - 22L * 86400 - 11_783, now - 7_211), (midnight - 10 * 86400, midnight - 86400 + 5),
            (midnight - 5 * 86400 + 4_000, midnight - 5 * 86400 + 70_001), (midnight - 3 * 86400 + 100, midnight - 3 * 86400 + 3_000),
        };
        foreach (var (start, end) in windows)
        {
            var origin = groupBy == "day" ? 0 : 4 * 86400L;
            var size = groupBy == "day" ? 86400L : 7 * 86400L;
            var rows = await AllPagesAsync($"start_time={start}&end_time={end}&group_by={groupBy}" + (workspace ? "&group=workspace" : ""));
            var expected = Expected(events, start, end, origin, size, byUser: !workspace).ToList();
            Assert.Equal(expected.Count, rows.Count);
            foreach (var (row, exp) in rows.Zip(expected))
            {
                var bucketStart = origin + exp.Bucket * size;
                Assert.Equal(Math.Max(start, bucketStart), (long)row["start_time"]!);
                Assert.Equal(Math.Min(end, bucketStart + size), (long)row["end_time"]!);
                if (!workspace)
                {
                    Assert.Equal(exp.Owner, (string)row["user"]!["id"]!);
                }
                else
                {
                    Assert.Equal(exp.Events.Select(e => e.User).Distinct().Count(), (int)row["active_users"]!);
                }
                var evs = exp.Events;
                Assert.Equal(
                    (evs.Count, evs.Sum(e => e.Input), evs.Sum(e => e.Input / 2), evs.Sum(e => e.Output), evs.Sum(e => e.Output / 2), evs.Select(e => e.Thread).Distinct().Count(), Turns(evs)),
                    ((int)row["responses"]!, (long)row["tokens"]!["input"]!, (long)row["tokens"]!["cached_input"]!, (long)row["tokens"]!["output"]!,
                     (long)row["tokens"]!["reasoning"]!, (int)row["threads"]!, (long)row["turns"]!));
                var clients = row["clients"]!.AsArray().ToDictionary(c => (string)c!["client_id"]!, c => c!);
                Assert.Equal(evs.Select(e => e.Client).Distinct().Order(StringComparer.Ordinal), clients.Keys.Order(StringComparer.Ordinal));
                foreach (var c in evs.GroupBy(e => e.Client))
                {
                    var got = clients[c.Key];
                    Assert.Equal((c.Count(), c.Sum(e => e.Input), c.Select(e => e.Thread).Distinct().Count()),
                        ((int)got["responses"]!, (long)got["tokens"]!["input"]!, (int)got["threads"]!));
                }
            }
        }
    }
}
