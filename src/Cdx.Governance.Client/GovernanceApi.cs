using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cdx.Governance.Client.Wire;

namespace Cdx.Governance.Client;

/// <summary>HTTP calls to a governance server, with a short overall timeout and retries with backoff.</summary>
public sealed class GovernanceApi(string server, HttpMessageHandler? handler = null)
{
    /// <summary>Attempts for the requirements fetch (upstream uses 5 within 15 s; cdx starts faster).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Budget for all attempts together, so an unreachable server delays start by at most this.</summary>
    public TimeSpan OverallTimeout { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>First backoff delay; doubles each retry.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    private readonly string _server = server.TrimEnd('/');

    /// <summary>Who the token acts as; throws a user-facing error when the server refuses it or cannot be reached.</summary>
    public async Task<WhoAmI> WhoAmIAsync(string token, CancellationToken ct)
    {
        using var http = NewClient(TimeSpan.FromSeconds(15));
        using var response = await SendAsync(http, "/v1/clients/whoami", token, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new GovernanceClientException($"{_server} rejected the access token (unknown, revoked or expired); create a new one and run `cdx login` again.");
        }
        return await ReadAsync(response, WireJsonContext.Default.WhoAmI, "/v1/clients/whoami", ct);
    }

    /// <summary>The published signing keys.</summary>
    public async Task<KeySetDocument> KeysAsync(CancellationToken ct)
    {
        using var http = NewClient(TimeSpan.FromSeconds(15));
        using var response = await SendAsync(http, "/.well-known/cdx-governance-keys", null, ct);
        return await ReadAsync(response, WireJsonContext.Default.KeySetDocument, "/.well-known/cdx-governance-keys", ct);
    }

    /// <summary>Fetches the signed requirements, retrying network errors, 5xx and 429 with exponential backoff.</summary>
    public async Task<FetchOutcome> FetchRequirementsAsync(string token, CancellationToken ct)
    {
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(ct);
        overall.CancelAfter(OverallTimeout);
        using var http = NewClient(OverallTimeout);
        string problem = "no attempt made";
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                using var response = await SendAsync(http, "/v1/clients/requirements", token, overall.Token);
                if (response.StatusCode is HttpStatusCode.Unauthorized)
                {
                    return new FetchOutcome { Refused = true, Problem = $"{_server} no longer accepts your access token (revoked or expired); run `cdx login --server {_server} --with-access-token` with a new token" };
                }
                if (response.StatusCode is HttpStatusCode.Forbidden)
                {
                    var body = (await response.Content.ReadAsStringAsync(overall.Token)).Trim();
                    return new FetchOutcome { Refused = true, Problem = body.Length > 0 ? body : "403 - Unauthorized. Contact your administrator for access." };
                }
                if (response.IsSuccessStatusCode)
                {
                    var doc = await response.Content.ReadFromJsonAsync(WireJsonContext.Default.SignedRequirements, overall.Token);
                    return doc is null ? new FetchOutcome { Problem = "the server sent an empty answer" } : new FetchOutcome { Document = doc };
                }
                problem = $"the server answered HTTP {(int)response.StatusCode}";
                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    return new FetchOutcome { Problem = problem };
                }
            }
            catch (HttpRequestException ex)
            {
                problem = $"cannot reach {_server} ({ex.Message})";
            }
            catch (JsonException ex)
            {
                return new FetchOutcome { Problem = $"the server's answer is not valid JSON ({ex.Message})" };
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return new FetchOutcome { Problem = $"{_server} did not answer within {OverallTimeout.TotalSeconds:0} s" };
            }
            if (attempt < MaxAttempts)
            {
                try
                {
                    await Task.Delay(FirstBackoff * Math.Pow(2, attempt - 1), overall.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    break;
                }
            }
        }
        return new FetchOutcome { Problem = problem };
    }

    private HttpClient NewClient(TimeSpan timeout) =>
        new(handler ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(3) }, disposeHandler: handler is null) { Timeout = timeout };

    private async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string? token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _server + path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        try
        {
            return await http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex) when (path != "/v1/clients/requirements")
        {
            throw new GovernanceClientException($"cannot reach the governance server at {_server} ({ex.Message}); check the URL and that the server is running.", ex);
        }
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string path, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new GovernanceClientException($"{_server}{path} answered HTTP {(int)response.StatusCode}; check the server URL and your token.");
        }
        try
        {
            return await response.Content.ReadFromJsonAsync(type, ct)
                ?? throw new GovernanceClientException($"{_server}{path} sent an empty answer; is this a cdx governance server?");
        }
        catch (JsonException ex)
        {
            throw new GovernanceClientException($"{_server}{path} did not send the expected JSON ({ex.Message}); is this a cdx governance server?", ex);
        }
    }
}
