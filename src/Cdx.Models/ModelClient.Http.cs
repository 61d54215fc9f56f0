using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Cdx.Models;

public sealed partial class ModelClient
{
    private static readonly Lazy<HttpClient> DefaultHttpClient = new(() => new HttpClient(new SocketsHttpHandler
    {
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    });

    private static string DefaultClientVersion =>
        typeof(ModelClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>The request URL: `{base}/responses` or `{base}/chat/completions` plus the provider's query params.</summary>
    public string RequestUrl
    {
        get
        {
            var url = _provider.BaseUrl.TrimEnd('/') + (_provider.WireApi == WireApi.Chat ? "/chat/completions" : "/responses");
            if (_provider.QueryParams.Count == 0)
            {
                return url;
            }
            var query = string.Join('&', _provider.QueryParams.Select(static p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
            return url + (url.Contains('?') ? '&' : '?') + query;
        }
    }

    // HTTP layer: transport errors and 5xx are retried here; 4xx (incl. 429) go straight to the stream layer.
    private async Task<HttpResponseMessage> SendWithRetriesAsync(ModelRequest request, CancellationToken ct)
    {
        var body = _provider.WireApi == WireApi.Chat ? ChatRequestWriter.Write(request) : ResponsesRequestWriter.Write(request, _provider);
        var url = RequestUrl;
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                using var message = BuildMessage(request, body, url);
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                if (attempt < _provider.RequestMaxRetries)
                {
                    await Task.Delay(RetryTiming.Backoff(_provider.RetryBaseDelay, attempt + 1), _time, ct);
                    continue;
                }
                throw new ModelAttemptException($"Connection failed: error sending request for url ({url})", retryable: true);
            }
            if (response.IsSuccessStatusCode)
            {
                return response;
            }
            var status = (int)response.StatusCode;
            var hint = RetryTiming.FromHeaders(response.Headers, _time.GetUtcNow());
            string text;
            using (response)
            {
                text = await ReadBodyAsync(response, ct);
            }
            if (status >= 500)
            {
                if (attempt < _provider.RequestMaxRetries)
                {
                    await Task.Delay(hint ?? RetryTiming.Backoff(_provider.RetryBaseDelay, attempt + 1), _time, ct);
                    continue;
                }
                throw new ModelAttemptException(ModelErrorText.HighDemand, retryable: true, status: status);
            }
            throw ClientError(status, text, hint, url);
        }
    }

    private static ModelAttemptException ClientError(int status, string body, TimeSpan? headerHint, string url)
    {
        var message = ErrorMessageOf(body);
        if (status == 429)
        {
            // Codex retries a 429 only when the server says when (spec §10.1); cdx also reads "try again in Xs" in the body.
            var hint = headerHint ?? RetryTiming.FromText(message ?? body);
            return new ModelAttemptException(ModelErrorText.TooManyRequests, retryable: hint is not null, hint, status);
        }
        if (status == 401)
        {
            return new ModelAttemptException($"unexpected status 401 Unauthorized: {message ?? body}, url: {url}", retryable: true, status: status);
        }
        if (ErrorCodeOf(body) == "context_length_exceeded")
        {
            return new ModelAttemptException(ModelErrorText.ContextWindowExceeded, retryable: false, status: status);
        }
        var text = string.IsNullOrWhiteSpace(body)
            ? $"unexpected status {status} {ReasonPhrase(status)}, url: {url}"
            : body;
        return new ModelAttemptException(text, retryable: false, status: status);
    }

    private HttpRequestMessage BuildMessage(ModelRequest request, byte[] body, string url)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var h = message.Headers;
        if (_provider.ApiKey is { } key)
        {
            h.TryAddWithoutValidation("authorization", "Bearer " + key);
        }
        h.TryAddWithoutValidation("accept", "text/event-stream");
        h.TryAddWithoutValidation("originator", Originator);
        h.TryAddWithoutValidation("user-agent", UserAgent());
        h.TryAddWithoutValidation("session-id", request.ThreadId);
        h.TryAddWithoutValidation("thread-id", request.ThreadId);
        h.TryAddWithoutValidation("x-client-request-id", request.ThreadId);
        h.TryAddWithoutValidation("x-codex-window-id", request.ThreadId + ":0");
        if (request.TurnId is { } turnId)
        {
            h.TryAddWithoutValidation("x-codex-turn-metadata", TurnMetadata(request, turnId));
        }
        if (_provider.WireApi == WireApi.Chat)
        {
            h.TryAddWithoutValidation("conversation_id", request.ThreadId);
            h.TryAddWithoutValidation("session_id", request.ThreadId);
        }
        if (_provider.IsOpenAi)
        {
            h.TryAddWithoutValidation("version", ClientVersion);
        }
        foreach (var (name, value) in _provider.Headers)
        {
            h.Remove(name);
            h.TryAddWithoutValidation(name, value);
        }
        return message;
    }

    private string UserAgent()
    {
        var os = RuntimeInformation.OSDescription.Trim();
        var arch = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant() switch
        {
            "x64" => "x86_64",
            "arm64" => "aarch64",
            var other => other,
        };
        var term = Environment.GetEnvironmentVariable("TERM") is { Length: > 0 } t ? t : "unknown";
        return $"{Originator}/{ClientVersion} ({os}; {arch}) {term} ({Originator}; {ClientVersion})";
    }

    private static string TurnMetadata(ModelRequest request, string turnId)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("session_id", request.ThreadId);
            w.WriteString("thread_id", request.ThreadId);
            w.WriteString("turn_id", turnId);
            w.WriteString("request_kind", "turn");
            w.WriteString("model", request.Model);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return string.Empty;
        }
    }

    private static string? ErrorMessageOf(string body) => ErrorField(body, "message");

    private static string? ErrorCodeOf(string body) => ErrorField(body, "code");

    private static string? ErrorField(string body, string field)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var error = ResponsesEventReader.Prop(doc.RootElement, "error");
            return ResponsesEventReader.Str(error, field);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ReasonPhrase(int status) =>
        new HttpResponseMessage((HttpStatusCode)status).ReasonPhrase ?? string.Empty;
}
