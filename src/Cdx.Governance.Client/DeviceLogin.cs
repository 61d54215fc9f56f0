using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cdx.Governance.Client.Wire;

namespace Cdx.Governance.Client;

/// <summary>
/// `cdx login --server URL --device-auth` (RFC 8628): asks for codes, shows them, polls until a
/// person approves, then finishes like an access-token login (whoami, key pinning, auth.json).
/// </summary>
public static class DeviceLogin
{
    /// <summary>Runs the flow; <paramref name="show"/> displays the code and page to the person.</summary>
    public static async Task<GovernanceCredentials> RunAsync(string codexHome, string server, Action<DeviceAuthorization> show, CancellationToken ct,
        HttpMessageHandler? handler = null)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            throw new GovernanceClientException($"--server `{server}` is not an http(s) URL; pass the governance server's address, e.g. https://governance.example.com.");
        }
        var baseUrl = server.TrimEnd('/');
        using var http = new HttpClient(handler ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(3) }, disposeHandler: handler is null)
        {
            Timeout = TimeSpan.FromSeconds(15),
        };
        var auth = await CallAsync(http, baseUrl, "/v1/device/code", new Dictionary<string, string> { ["client_id"] = "cdx" }, WireJsonContext.Default.DeviceAuthorization, ct);
        show(auth);
        var interval = TimeSpan.FromSeconds(Math.Max(1, auth.Interval));
        var deadline = DateTimeOffset.UtcNow.AddSeconds(auth.ExpiresIn > 0 ? auth.ExpiresIn : 900);
        var form = new Dictionary<string, string> { ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code", ["device_code"] = auth.DeviceCode };
        while (true)
        {
            await Task.Delay(interval, ct);
            var answer = await CallAsync(http, baseUrl, "/v1/device/token", form, WireJsonContext.Default.DeviceTokenAnswer, ct, acceptErrors: true);
            switch (answer.Error)
            {
                case null when answer.AccessToken is { Length: > 0 } token:
                    return await LoginService.LoginWithAccessTokenAsync(codexHome, baseUrl, token, ct);
                case "authorization_pending":
                    break;
                case "slow_down":
                    interval += TimeSpan.FromSeconds(5); // RFC 8628 §3.5
                    break;
                case "expired_token":
                    throw new GovernanceClientException($"the code {auth.UserCode} expired before it was approved; run `cdx login --server {baseUrl} --device-auth` again and approve within {auth.ExpiresIn / 60} minutes.");
                case "access_denied":
                    throw new GovernanceClientException($"the login with code {auth.UserCode} was denied at {baseUrl}; ask your administrator for access.");
                default:
                    throw new GovernanceClientException($"{baseUrl} ended the device login ({answer.Error}: {answer.ErrorDescription}); run `cdx login --device-auth` again.");
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new GovernanceClientException($"the code {auth.UserCode} was not approved in time; run `cdx login --server {baseUrl} --device-auth` again.");
            }
        }
    }

    private static async Task<T> CallAsync<T>(HttpClient http, string baseUrl, string path, Dictionary<string, string> form,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken ct, bool acceptErrors = false)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(baseUrl + path, new FormUrlEncodedContent(form), ct);
        }
        catch (HttpRequestException ex)
        {
            throw new GovernanceClientException($"cannot reach the governance server at {baseUrl} ({ex.Message}); check the URL and that the server is running.", ex);
        }
        using (response)
        {
            var ok = response.IsSuccessStatusCode || (acceptErrors && response.StatusCode == HttpStatusCode.BadRequest);
            try
            {
                if (ok && await response.Content.ReadFromJsonAsync(type, ct) is { } value)
                {
                    return value;
                }
            }
            catch (JsonException)
            {
            }
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                throw new GovernanceClientException($"{baseUrl} does not allow device-code login; ask an admin to enable allow_device_code, or use `--with-access-token`.");
            }
            throw new GovernanceClientException($"{baseUrl}{path} answered HTTP {(int)response.StatusCode}; is this a cdx governance server?");
        }
    }
}
