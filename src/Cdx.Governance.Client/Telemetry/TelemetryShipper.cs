using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cdx.Governance.Client.Telemetry;

/// <summary>
/// Sends spooled events to `POST /v1/clients/events` in batches. The offset moves only after the
/// server confirmed a batch, so an outage or a crash loses nothing; a batch sent again after a lost
/// answer is recognised by its idempotency keys, so nothing is stored twice.
/// </summary>
public sealed class TelemetryShipper(TelemetrySpool spool, string server, string accessToken, HttpMessageHandler? handler = null)
{
    /// <summary>Events per request.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Attempts per batch before giving up until the next flush.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First backoff delay; doubles per attempt up to <see cref="MaxBackoff"/> (a Retry-After header wins).</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait between attempts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(8);

    private readonly string _url = server.TrimEnd('/') + "/v1/clients/events";

    /// <summary>Ships until the spool is empty, the server keeps failing, or <paramref name="ct"/> fires (nothing is lost either way).</summary>
    public async Task<ShipResult> ShipAsync(CancellationToken ct)
    {
        using var http = new HttpClient(handler ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(3) }, disposeHandler: handler is null)
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        int accepted = 0, duplicates = 0, rejected = 0;
        while (spool.ReadBatch(BatchSize) is { } batch)
        {
            if (batch.Events.Count == 0)
            {
                spool.Commit(batch.EndOffset);
                continue;
            }
            var (result, refused, problem) = await SendAsync(http, batch, ct);
            if (result is not null)
            {
                spool.Commit(batch.EndOffset);
                accepted += result.Accepted;
                duplicates += result.Duplicates;
            }
            else if (refused)
            {
                spool.Reject(batch);
                rejected += batch.Events.Count;
            }
            else
            {
                return new ShipResult { Accepted = accepted, Duplicates = duplicates, Rejected = rejected, Problem = problem };
            }
        }
        return new ShipResult { Accepted = accepted, Duplicates = duplicates, Rejected = rejected };
    }

    private async Task<(EventBatchResult? Result, bool Refused, string? Problem)> SendAsync(HttpClient http, SpoolBatch batch, CancellationToken ct)
    {
        var problem = "no attempt made";
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            TimeSpan? retryAfter = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _url)
                {
                    Content = JsonContent.Create(new EventBatch { Events = batch.Events }, TelemetryJsonContext.Default.EventBatch),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
                using var response = await http.SendAsync(request, ct);
                if (response.IsSuccessStatusCode)
                {
                    var result = await response.Content.ReadFromJsonAsync(TelemetryJsonContext.Default.EventBatchResult, ct);
                    return (result ?? new EventBatchResult(), false, null);
                }
                var status = (int)response.StatusCode;
                if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge)
                {
                    return (null, true, null);
                }
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    // Keep the events: after `cdx login` with a valid token they ship as they are.
                    return (null, false, $"{_url} refused the access token (HTTP {status}); events stay spooled until `cdx login` succeeds");
                }
                problem = $"{_url} answered HTTP {status}";
                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (HttpRequestException ex)
            {
                problem = $"cannot reach {_url} ({ex.Message})";
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                problem = $"{_url} did not answer within {http.Timeout.TotalSeconds:0} s";
            }
            catch (JsonException ex)
            {
                problem = $"{_url} sent an answer that is not an event batch result ({ex.Message})";
            }
            if (attempt < MaxAttempts)
            {
                var backoff = FirstBackoff * Math.Pow(2, attempt - 1);
                await Task.Delay(retryAfter ?? (backoff < MaxBackoff ? backoff : MaxBackoff), ct);
            }
        }
        return (null, false, problem + "; events stay spooled and ship at the next flush");
    }
}
