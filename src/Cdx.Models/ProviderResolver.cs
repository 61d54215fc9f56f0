using System.Text.Json;
using Cdx.Config;
using Cdx.Config.Model;
using Cdx.Toml;

namespace Cdx.Models;

/// <summary>
/// Turns the effective config plus the environment into a ready <see cref="ProviderInfo"/>: provider selection
/// (`model_provider`, built-ins, `oss`), base URL overrides, headers, retry settings and the API key.
/// </summary>
public static class ProviderResolver
{
    /// <summary>The default local OSS port per built-in OSS provider.</summary>
    private static readonly Dictionary<string, int> OssDefaultPorts = new(StringComparer.Ordinal) { ["ollama"] = 11434, ["lmstudio"] = 1234 };

    /// <summary>Resolves the configured provider; throws <see cref="ModelConfigException"/> with one sentence on a problem.</summary>
    public static ProviderInfo Resolve(EffectiveConfig config, IReadOnlyDictionary<string, string> env, string codexHome)
    {
        ArgumentNullException.ThrowIfNull(config);
        var id = config.Config.ModelProvider;
        if (id == "oss")
        {
            id = ReadString(config, "oss_provider")
                ?? throw new ModelConfigException(
                    "No default OSS provider configured: set `oss_provider = \"ollama\"` (or \"lmstudio\") in config.toml or pass --local-provider.");
        }
        if (!config.Config.ModelProviders.TryGetValue(id, out var entry))
        {
            var known = string.Join(", ", config.Config.ModelProviders.Keys.Order(StringComparer.Ordinal));
            throw new ModelConfigException(
                $"Model provider `{id}` (from model_provider) is not defined: add a [model_providers.{id}] table to config.toml or use one of {known}.");
        }
        return Resolve(entry, env, codexHome);
    }

    /// <summary>Resolves one provider entry against the environment and `$CODEX_HOME/auth.json`.</summary>
    public static ProviderInfo Resolve(ModelProviderInfo entry, IReadOnlyDictionary<string, string> env, string codexHome)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(env);
        var baseUrl = BaseUrlFor(entry, env).TrimEnd('/');
        return new ProviderInfo
        {
            Id = entry.Id,
            Name = entry.Name,
            BaseUrl = baseUrl,
            WireApi = entry.WireApi == "chat" ? WireApi.Chat : WireApi.Responses,
            ApiKey = ApiKeyFor(entry, env, codexHome),
            Headers = HeadersFor(entry, env),
            QueryParams = entry.QueryParams,
            RequestMaxRetries = Math.Clamp(entry.RequestMaxRetries, 0, 100),
            StreamMaxRetries = Math.Clamp(entry.StreamMaxRetries, 0, 100),
            StreamIdleTimeout = TimeSpan.FromMilliseconds(Math.Max(1, entry.StreamIdleTimeoutMs)),
            IsAzure = ProviderInfo.LooksLikeAzure(entry.Name, baseUrl),
        };
    }

    private static string BaseUrlFor(ModelProviderInfo entry, IReadOnlyDictionary<string, string> env)
    {
        if (entry.Id == "openai" && NonEmpty(env, "OPENAI_BASE_URL") is { } openAiBase)
        {
            return openAiBase;
        }
        if (OssDefaultPorts.TryGetValue(entry.Id, out var defaultPort))
        {
            if (NonEmpty(env, "CODEX_OSS_BASE_URL") is { } ossBase)
            {
                return ossBase;
            }
            var port = NonEmpty(env, "CODEX_OSS_PORT") is { } p && int.TryParse(p, out var parsed) && parsed is > 0 and < 65536
                ? parsed
                : defaultPort;
            return $"http://localhost:{port}/v1";
        }
        return entry.BaseUrl ?? "https://api.openai.com/v1";
    }

    private static string? ApiKeyFor(ModelProviderInfo entry, IReadOnlyDictionary<string, string> env, string codexHome)
    {
        if (entry.EnvKey is { } envKey)
        {
            if (NonEmpty(env, envKey) is { } key)
            {
                return key;
            }
            var help = string.IsNullOrWhiteSpace(entry.EnvKeyInstructions) ? string.Empty : $" ({entry.EnvKeyInstructions.Trim().TrimEnd('.')})";
            throw new ModelConfigException(
                $"Missing API key: set the environment variable {envKey}, which model_providers.{entry.Id}.env_key names{help}.");
        }
        if (entry.ExperimentalBearerToken is { Length: > 0 } token)
        {
            return token;
        }
        if (!entry.RequiresOpenAiAuth)
        {
            return null;
        }
        var authPath = Path.Combine(codexHome, "auth.json");
        return NonEmpty(env, "OPENAI_API_KEY") ?? ReadAuthJsonKey(authPath)
            ?? throw new ModelConfigException(
                $"Missing API key: set the environment variable OPENAI_API_KEY (or an \"OPENAI_API_KEY\" entry in {authPath}) to use the `{entry.Id}` model provider.");
    }

    private static Dictionary<string, string> HeadersFor(ModelProviderInfo entry, IReadOnlyDictionary<string, string> env)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (entry.Id == "openai")
        {
            if (NonEmpty(env, "OPENAI_ORGANIZATION") is { } org)
            {
                headers["OpenAI-Organization"] = org;
            }
            if (NonEmpty(env, "OPENAI_PROJECT") is { } project)
            {
                headers["OpenAI-Project"] = project;
            }
        }
        foreach (var (name, value) in entry.HttpHeaders)
        {
            headers[name] = value;
        }
        foreach (var (name, variable) in entry.EnvHttpHeaders)
        {
            if (NonEmpty(env, variable) is { } value)
            {
                headers[name] = value;
            }
        }
        return headers;
    }

    // auth.json from an API-key login: {"OPENAI_API_KEY": "sk-..."}; ChatGPT token logins carry no key and are not supported.
    private static string? ReadAuthJsonKey(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("OPENAI_API_KEY", out var key)
                && key.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(key.GetString())
                ? key.GetString()
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    // Keys the typed config may not carry yet are read from the merged tree.
    private static string? ReadString(EffectiveConfig config, string key) =>
        config.Merged[key] is { IsTable: false, Value: TomlString s } && s.Value.Length > 0 ? s.Value : null;

    private static string? NonEmpty(IReadOnlyDictionary<string, string> env, string name) =>
        env.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The current process environment as a dictionary (for callers without their own).</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            if (e.Key is string k && e.Value is string v)
            {
                result[k] = v;
            }
        }
        return result;
    }
}
