namespace Cdx.Models;

/// <summary>A fully resolved model provider: where to send requests, how to authenticate, how to retry.</summary>
public sealed record ProviderInfo
{
    /// <summary>The provider id (`openai`, `ollama`, or the `[model_providers.&lt;id&gt;]` key).</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Base URL without a trailing slash, e.g. `https://api.openai.com/v1`.</summary>
    public required string BaseUrl { get; init; }

    /// <summary>The wire API.</summary>
    public WireApi WireApi { get; init; } = WireApi.Responses;

    /// <summary>The bearer token, or null to send no authorization header.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Extra headers sent on every request (static, env-derived, and built-in ones).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Query parameters appended to every URL (Azure `api-version`).</summary>
    public IReadOnlyDictionary<string, string> QueryParams { get; init; } = new Dictionary<string, string>();

    /// <summary>HTTP-layer retries for transport errors and 5xx (attempts = this + 1).</summary>
    public int RequestMaxRetries { get; init; } = 4;

    /// <summary>Stream-layer retries: whole-request re-sends after retryable failures.</summary>
    public int StreamMaxRetries { get; init; } = 5;

    /// <summary>Longest allowed gap between SSE events.</summary>
    public TimeSpan StreamIdleTimeout { get; init; } = TimeSpan.FromMilliseconds(300_000);

    /// <summary>Base of the exponential backoff (delay = base × 2^(n−1) × jitter 0.9–1.1); 200 ms like Codex.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Whether this is an Azure OpenAI Responses endpoint (then `store: true`).</summary>
    public bool IsAzure { get; init; }

    /// <summary>Whether this is the built-in `openai` provider.</summary>
    public bool IsOpenAi => Id == "openai";

    /// <summary>Detects Azure from the provider name or the base URL's host.</summary>
    public static bool LooksLikeAzure(string name, string baseUrl)
    {
        if (string.Equals(name, "azure", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            return false;
        }
        var host = uri.Host.ToLowerInvariant();
        return host.EndsWith(".openai.azure.com", StringComparison.Ordinal)
            || host.EndsWith(".cognitiveservices.azure.com", StringComparison.Ordinal)
            || host.EndsWith(".services.ai.azure.com", StringComparison.Ordinal)
            || host.EndsWith(".azure-api.net", StringComparison.Ordinal)
            || host.EndsWith(".azurefd.net", StringComparison.Ordinal);
    }
}
