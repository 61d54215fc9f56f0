using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cdx.Governance.Client;

/// <summary>
/// The admin REST API as `cdx governance` subcommands call it: JSON in and out, and every failure
/// turned into one sentence (unreachable server, rejected key, the server's own problem detail).
/// </summary>
public sealed class GovernanceAdminApi(string server, string adminKey, HttpMessageHandler? handler = null) : IDisposable
{
    private readonly string _server = server.TrimEnd('/');
    private readonly HttpClient _http = new(handler ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(3) }, disposeHandler: handler is null)
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Sends one call; returns the parsed body (an empty object for 204).</summary>
    public async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, _server + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new GovernanceClientException($"cannot reach the governance server at {_server} ({ex.Message}); check --server and that the server is running.", ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new GovernanceClientException($"the governance server at {_server} did not answer within 30 s; check that it is healthy.", ex);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonNode? parsed = null;
            try
            {
                parsed = text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (JsonException)
            {
            }
            if (response.IsSuccessStatusCode)
            {
                return parsed ?? new JsonObject();
            }
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new GovernanceClientException($"{_server} rejected the admin key; pass a valid one with --admin-key or CDX_GOVERNANCE_ADMIN_KEY.");
            }
            var detail = parsed is JsonObject o && o["detail"] is JsonValue d ? (string?)d : null;
            throw new GovernanceAdminException((int)response.StatusCode,
                detail ?? $"{method} {path} answered HTTP {(int)response.StatusCode}; is {_server} a cdx governance server?",
                parsed as JsonObject);
        }
    }

    /// <summary>Finds an item of a list endpoint by id or by the value of <paramref name="nameField"/>; throws a sentence when absent.</summary>
    public async Task<JsonObject> FindAsync(string listPath, string nameField, string idOrName, string what, CancellationToken ct)
    {
        var items = (await SendAsync(HttpMethod.Get, listPath, null, ct)).AsArray().OfType<JsonObject>();
        return items.FirstOrDefault(i => (string?)i["id"] == idOrName)
            ?? items.FirstOrDefault(i => string.Equals((string?)i[nameField], idOrName, StringComparison.OrdinalIgnoreCase))
            ?? throw new GovernanceClientException($"no {what} named `{idOrName}` on {_server}; list them with `cdx governance {what} list`.");
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();
}
