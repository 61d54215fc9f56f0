namespace Cdx.Config.Model;

/// <summary>One entry of `[model_providers]` (built-in or user-defined).</summary>
public sealed record ModelProviderInfo
{
    /// <summary>The provider id (the table key).</summary>
    public required string Id { get; init; }
    /// <summary>Display name.</summary>
    public required string Name { get; init; }
    /// <summary>API base URL.</summary>
    public string? BaseUrl { get; init; }
    /// <summary>Environment variable holding the API key.</summary>
    public string? EnvKey { get; init; }
    /// <summary>Help shown when <see cref="EnvKey"/> is missing.</summary>
    public string? EnvKeyInstructions { get; init; }
    /// <summary>Literal bearer token (discouraged).</summary>
    public string? ExperimentalBearerToken { get; init; }
    /// <summary>Use the user's OpenAI login.</summary>
    public bool RequiresOpenAiAuth { get; init; }
    /// <summary>`responses` (default) or `chat`.</summary>
    public string WireApi { get; init; } = "responses";
    /// <summary>Query parameters appended to every request.</summary>
    public IReadOnlyDictionary<string, string> QueryParams { get; init; } = new Dictionary<string, string>();
    /// <summary>Static headers.</summary>
    public IReadOnlyDictionary<string, string> HttpHeaders { get; init; } = new Dictionary<string, string>();
    /// <summary>Header name to environment variable name.</summary>
    public IReadOnlyDictionary<string, string> EnvHttpHeaders { get; init; } = new Dictionary<string, string>();
    /// <summary>HTTP request retries (cap 100).</summary>
    public int RequestMaxRetries { get; init; } = 4;
    /// <summary>SSE reconnects (cap 100).</summary>
    public int StreamMaxRetries { get; init; } = 5;
    /// <summary>Idle gap allowed between SSE events.</summary>
    public long StreamIdleTimeoutMs { get; init; } = 300_000;
    /// <summary>Responses-over-WebSocket support, when stated.</summary>
    public bool? SupportsWebsockets { get; init; }
}
