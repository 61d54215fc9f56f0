using System.Text.Json;
using Cdx.Governance.Client.Telemetry;
using static Cdx.Governance.Tests.AnalyticsTestKit;

namespace Cdx.Governance.Tests;

public sealed class SpoolTests : IAsyncLifetime
{
    private readonly AnalyticsTestClock _clock = Clock();
    private GovernanceTestServer _s = null!;
    private string _spoolDir = "";

    public async Task InitializeAsync()
    {
        _s = await GovernanceTestServer.StartAsync(time: _clock);
        _spoolDir = Path.Combine(_s.Root, "home", "governance", "spool");
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private GovernanceTelemetry Telemetry(string server, string token) =>
        GovernanceTelemetry.ForServer(_spoolDir, server, token, "cdx_exec",
            shipper: new TelemetryShipper(new TelemetrySpool(_spoolDir), server, token) { MaxAttempts = 2, FirstBackoff = TimeSpan.FromMilliseconds(10) });

    private TelemetryEvent Prompt(int i) => new()
    {
        Type = TelemetryEventTypes.CodexLog, Kind = "prompt", Timestamp = _clock.Unix, ThreadId = "th-1",
        Payload = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["text"] = $"prompt {i}" }),
    };

    private async Task<int> StoredPromptsAsync()
    {
        var ws = await WorkspaceIdAsync(_s);
        _clock.Now = _clock.Now.AddHours(2);
        var reader = await KeyAsync(_s, "read");
        var files = (await GetJsonAsync(reader, $"/v1/compliance/workspaces/{ws}/logs?event_type=CODEX_LOG"))["data"]!.AsArray();
        return files.Sum(f => (int)f!["record_count"]!);
    }

    [Fact]
    public async Task Events_recorded_during_an_outage_are_delivered_once_the_server_is_back()
    {
        var token = await _s.CreateTokenAsync(await _s.CreateUserAsync("bob@corp.example"));
        var down = Telemetry("http://127.0.0.1:1", token);
        for (var i = 0; i < 5; i++)
        {
            down.Record(Prompt(i));
        }
        var failed = await down.FlushAsync(CancellationToken.None);
        Assert.NotNull(failed.Problem);
        Assert.True(new TelemetrySpool(_spoolDir).PendingBytes > 0);

        // A new process (new telemetry object) finds the spool and ships it.
        var up = Telemetry(_s.Url, token);
        up.Record(Prompt(5));
        var shipped = await up.FlushAsync(CancellationToken.None);
        Assert.Null(shipped.Problem);
        Assert.Equal((6, 0), (shipped.Accepted, shipped.Duplicates));
        Assert.Equal(0, new TelemetrySpool(_spoolDir).PendingBytes);
        Assert.Equal(6, await StoredPromptsAsync());
    }

    [Fact]
    public async Task A_write_torn_by_a_kill_is_skipped_and_the_events_around_it_are_delivered()
    {
        var token = await _s.CreateTokenAsync(await _s.CreateUserAsync("bob@corp.example"));
        var telemetry = Telemetry(_s.Url, token);
        telemetry.Record(Prompt(0));
        // kill -9 in the middle of a write leaves a fragment without a newline.
        await File.AppendAllTextAsync(Path.Combine(_spoolDir, "events.jsonl"), "{\"idempotency_key\":\"torn\",\"type\":\"CODEX_L");
        Assert.Single(new TelemetrySpool(_spoolDir).ReadBatch(100)!.Events);
        telemetry.Record(Prompt(1));
        var batch = new TelemetrySpool(_spoolDir).ReadBatch(100)!;
        Assert.Equal((2, 1), (batch.Events.Count, batch.DamagedLines));
        var shipped = await telemetry.FlushAsync(CancellationToken.None);
        Assert.Equal(2, shipped.Accepted);
        Assert.Equal(2, await StoredPromptsAsync());
    }

    [Fact]
    public async Task A_crash_after_sending_but_before_marking_the_offset_resends_without_duplicating()
    {
        var token = await _s.CreateTokenAsync(await _s.CreateUserAsync("bob@corp.example"));
        var telemetry = Telemetry(_s.Url, token);
        for (var i = 0; i < 3; i++)
        {
            telemetry.Record(Prompt(i));
        }
        var eventsPath = Path.Combine(_spoolDir, "events.jsonl");
        var saved = await File.ReadAllBytesAsync(eventsPath);
        Assert.Equal(3, (await telemetry.FlushAsync(CancellationToken.None)).Accepted);
        // Simulate the crash: the spool as it was before the offset was committed.
        await File.WriteAllBytesAsync(eventsPath, saved);
        File.Delete(Path.Combine(_spoolDir, "shipped.offset"));
        var again = await telemetry.FlushAsync(CancellationToken.None);
        Assert.Equal((0, 3), (again.Accepted, again.Duplicates));
        Assert.Equal(3, await StoredPromptsAsync());
    }
}
