using Cdx.Config.Layers;

namespace Cdx.Config.Model;

internal static partial class ConfigModelBuilder
{
    private static readonly string[] ReservedProviders = ["openai", "ollama", "lmstudio"];

    private static IReadOnlyDictionary<string, ModelProviderInfo> ReadProviders(ConfigNode root)
    {
        var providers = new Dictionary<string, ModelProviderInfo>(StringComparer.Ordinal)
        {
            ["openai"] = new()
            {
                Id = "openai",
                Name = "OpenAI",
                BaseUrl = NodeReader.String(root, "openai_base_url", "openai_base_url") ?? "https://api.openai.com/v1",
                RequiresOpenAiAuth = true,
                SupportsWebsockets = true,
            },
            ["ollama"] = new() { Id = "ollama", Name = "Ollama", BaseUrl = "http://localhost:11434/v1" },
            ["lmstudio"] = new() { Id = "lmstudio", Name = "LM Studio", BaseUrl = "http://localhost:1234/v1" },
            // Older Codex builds named their built-in local provider `oss` (Ollama); kept so such
            // configs still resolve. Not reserved: a user table named `oss` replaces it.
            ["oss"] = new() { Id = "oss", Name = "gpt-oss", BaseUrl = "http://localhost:11434/v1" },
        };
        var table = NodeReader.Table(root, "model_providers", "model_providers");
        if (table is null)
        {
            return providers;
        }
        var reserved = table.Children!.Keys.Where(ReservedProviders.Contains).ToArray();
        if (reserved.Length > 0)
        {
            throw NodeReader.Error(table[reserved[0]]!,
                $"model_providers contains reserved built-in provider IDs: {string.Join(", ", reserved.Select(r => $"`{r}`"))}. " +
                "Rename your custom provider (for example, `openai-custom`)");
        }
        foreach (var (id, node) in table.Children!)
        {
            providers[id] = ReadProvider(id, node);
        }
        return providers;
    }

    private static ModelProviderInfo ReadProvider(string id, ConfigNode node)
    {
        var p = $"model_providers.{KeyPath.Quote(id)}";
        if (!node.IsTable)
        {
            throw NodeReader.TypeError(node, p, "a table");
        }
        if (node["aws"] is { } aws && id != "amazon-bedrock")
        {
            throw NodeReader.Error(aws, $"`{p}.aws` is only supported for the `amazon-bedrock` provider");
        }
        var name = NodeReader.String(node, "name", p + ".name") ?? (id == "amazon-bedrock" ? "Amazon Bedrock" : null);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw NodeReader.Error(node, $"provider name must not be empty: set `{p}.name`");
        }
        if (node["auth"] is { } auth && (node["env_key"] ?? node["experimental_bearer_token"] ?? node["requires_openai_auth"]) is not null)
        {
            throw NodeReader.Error(auth, $"`{p}.auth` cannot be combined with `env_key`, `experimental_bearer_token` or `requires_openai_auth`");
        }
        return new ModelProviderInfo
        {
            Id = id,
            Name = name,
            BaseUrl = NodeReader.String(node, "base_url", p + ".base_url"),
            EnvKey = NodeReader.String(node, "env_key", p + ".env_key"),
            EnvKeyInstructions = NodeReader.String(node, "env_key_instructions", p + ".env_key_instructions"),
            ExperimentalBearerToken = NodeReader.String(node, "experimental_bearer_token", p + ".experimental_bearer_token"),
            RequiresOpenAiAuth = NodeReader.Bool(node, "requires_openai_auth", p + ".requires_openai_auth") ?? false,
            WireApi = NodeReader.OneOf(node, "wire_api", p + ".wire_api", "responses", "chat") ?? "responses",
            QueryParams = NodeReader.StringMap(node, "query_params", p + ".query_params") ?? new Dictionary<string, string>(),
            HttpHeaders = NodeReader.StringMap(node, "http_headers", p + ".http_headers") ?? new Dictionary<string, string>(),
            EnvHttpHeaders = NodeReader.StringMap(node, "env_http_headers", p + ".env_http_headers") ?? new Dictionary<string, string>(),
            RequestMaxRetries = (int)Math.Min(100, NodeReader.Int(node, "request_max_retries", p + ".request_max_retries", 0) ?? 4),
            StreamMaxRetries = (int)Math.Min(100, NodeReader.Int(node, "stream_max_retries", p + ".stream_max_retries", 0) ?? 5),
            StreamIdleTimeoutMs = NodeReader.Int(node, "stream_idle_timeout_ms", p + ".stream_idle_timeout_ms", 1) ?? 300_000,
            SupportsWebsockets = NodeReader.Bool(node, "supports_websockets", p + ".supports_websockets"),
        };
    }
}
