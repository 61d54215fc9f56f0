namespace Cdx.Governance.Client.Telemetry;

/// <summary>
/// The agent's entry point: <see cref="Record"/> puts an event in the durable spool (cheap,
/// synchronous, never throws), <see cref="FlushAsync"/> ships what is spooled. Disabled (both are
/// no-ops) when cdx is not logged in to a governance server or `analytics.enabled = false`.
/// </summary>
public sealed class GovernanceTelemetry
{
    private readonly TelemetrySpool? _spool;
    private readonly TelemetryShipper? _shipper;

    private GovernanceTelemetry(TelemetrySpool? spool, TelemetryShipper? shipper, string client)
    {
        _spool = spool;
        _shipper = shipper;
        Client = client;
    }

    /// <summary>A telemetry that records nothing.</summary>
    public static GovernanceTelemetry Disabled { get; } = new(null, null, "");

    /// <summary>True when events are recorded and shipped.</summary>
    public bool Enabled => _spool is not null;

    /// <summary>Client surface stamped on events that do not name one (e.g. `cdx_exec`).</summary>
    public string Client { get; }

    /// <summary>The last spool write failure (disk full, permissions), for a notice; recording never throws.</summary>
    public string? LastProblem { get; private set; }

    /// <summary>Opens the spool of <paramref name="codexHome"/> for the logged-in governance server, or <see cref="Disabled"/>.</summary>
    public static GovernanceTelemetry Open(string codexHome, string client, bool analyticsEnabled = true, HttpMessageHandler? handler = null)
    {
        var credentials = analyticsEnabled ? AuthFile.Read(codexHome) : null;
        return credentials is null ? Disabled : ForServer(TelemetrySpool.DefaultDirectory(codexHome), credentials.Server, credentials.AccessToken, client, handler);
    }

    /// <summary>A telemetry with an explicit spool directory and server (tests, tools).</summary>
    public static GovernanceTelemetry ForServer(string spoolDirectory, string server, string accessToken, string client, HttpMessageHandler? handler = null, TelemetryShipper? shipper = null)
    {
        var spool = new TelemetrySpool(spoolDirectory);
        return new GovernanceTelemetry(spool, shipper ?? new TelemetryShipper(spool, server, accessToken, handler), client);
    }

    /// <summary>Spools one event durably, filling a fresh idempotency key, the time and the client when missing.</summary>
    public void Record(TelemetryEvent e)
    {
        if (_spool is null)
        {
            return;
        }
        var stamped = e with
        {
            IdempotencyKey = string.IsNullOrEmpty(e.IdempotencyKey) ? Guid.CreateVersion7().ToString("N") : e.IdempotencyKey,
            Timestamp = e.Timestamp > 0 ? e.Timestamp : DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            Client = e.Client ?? Client,
        };
        try
        {
            _spool.Append([stamped]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Telemetry must never stop the agent; the problem is surfaced through LastProblem.
            LastProblem = $"cannot write the telemetry spool in {_spool.Directory} ({ex.Message}); check free space and permissions";
        }
    }

    /// <summary>Ships everything spooled (including events left by earlier runs); what cannot be delivered now stays spooled.</summary>
    public async Task<ShipResult> FlushAsync(CancellationToken ct)
    {
        if (_shipper is null)
        {
            return new ShipResult();
        }
        try
        {
            return await _shipper.ShipAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return new ShipResult { Problem = "flush cancelled; events stay spooled" };
        }
    }
}
