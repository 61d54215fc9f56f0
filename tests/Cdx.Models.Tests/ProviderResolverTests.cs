using Cdx.Config;

namespace Cdx.Models.Tests;

public sealed class ProviderResolverTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cdx-models-" + Guid.NewGuid().ToString("N"));

    public ProviderResolverTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "home"));
        Directory.CreateDirectory(Path.Combine(_root, "sys"));
        Directory.CreateDirectory(Path.Combine(_root, "work"));
    }

    private string Home => Path.Combine(_root, "home");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<EffectiveConfig> LoadAsync(string toml, params string[] overrides)
    {
        await File.WriteAllTextAsync(Path.Combine(Home, "config.toml"), toml);
        return await ConfigLoader.LoadAsync(new ConfigLoadOptions
        {
            CodexHome = Home, SystemConfigDir = Path.Combine(_root, "sys"), Cwd = Path.Combine(_root, "work"), Overrides = overrides,
        });
    }

    private static Dictionary<string, string> Env(params (string Key, string Value)[] vars) =>
        vars.ToDictionary(static v => v.Key, static v => v.Value);

    [Fact]
    public async Task Custom_provider_reads_every_field_and_its_env_key()
    {
        var config = await LoadAsync("""
            model_provider = "mock"
            [model_providers.mock]
            name = "mock"
            base_url = "http://127.0.0.1:9/v1/"
            env_key = "MOCK_API_KEY"
            wire_api = "chat"
            request_max_retries = 0
            stream_max_retries = 2
            stream_idle_timeout_ms = 1500
            query_params = { api-version = "x" }
            http_headers = { "X-Static" = "s" }
            env_http_headers = { "X-From-Env" = "HDR_VAR", "X-Missing" = "UNSET_VAR" }
            """);

        var p = ProviderResolver.Resolve(config, Env(("MOCK_API_KEY", "k1"), ("HDR_VAR", "h")), Home);

        Assert.Equal(("mock", "http://127.0.0.1:9/v1", WireApi.Chat, "k1"), (p.Id, p.BaseUrl, p.WireApi, p.ApiKey));
        Assert.Equal((0, 2, TimeSpan.FromMilliseconds(1500)), (p.RequestMaxRetries, p.StreamMaxRetries, p.StreamIdleTimeout));
        Assert.Equal("x", p.QueryParams["api-version"]);
        Assert.Equal("s", p.Headers["X-Static"]);
        Assert.Equal("h", p.Headers["X-From-Env"]);
        Assert.False(p.Headers.ContainsKey("X-Missing"));
        Assert.False(p.IsAzure);
    }

    [Fact]
    public async Task Missing_env_key_names_the_variable_in_one_sentence()
    {
        var config = await LoadAsync("""
            model_provider = "mock"
            [model_providers.mock]
            name = "mock"
            env_key = "MOCK_API_KEY"
            """);

        var e = Assert.Throws<ModelConfigException>(() => ProviderResolver.Resolve(config, Env(("MOCK_API_KEY", " ")), Home));

        Assert.Equal("Missing API key: set the environment variable MOCK_API_KEY, which model_providers.mock.env_key names.", e.Message);
    }

    [Fact]
    public async Task Openai_without_any_key_names_OPENAI_API_KEY()
    {
        var config = await LoadAsync("");

        var e = Assert.Throws<ModelConfigException>(() => ProviderResolver.Resolve(config, Env(), Home));

        Assert.Contains("set the environment variable OPENAI_API_KEY", e.Message);
        Assert.Contains(Path.Combine(Home, "auth.json"), e.Message);
    }

    [Fact]
    public async Task Openai_uses_env_key_then_auth_json_and_OPENAI_BASE_URL()
    {
        var config = await LoadAsync("");
        await File.WriteAllTextAsync(Path.Combine(Home, "auth.json"), """{"OPENAI_API_KEY":"sk-from-file","tokens":null}""");

        var fromFile = ProviderResolver.Resolve(config, Env(("OPENAI_BASE_URL", "http://127.0.0.1:5/v1")), Home);
        var fromEnv = ProviderResolver.Resolve(config, Env(("OPENAI_API_KEY", "sk-env"), ("OPENAI_ORGANIZATION", "org1")), Home);

        Assert.Equal(("sk-from-file", "http://127.0.0.1:5/v1"), (fromFile.ApiKey, fromFile.BaseUrl));
        Assert.Equal(("sk-env", "https://api.openai.com/v1"), (fromEnv.ApiKey, fromEnv.BaseUrl));
        Assert.Equal("org1", fromEnv.Headers["OpenAI-Organization"]);
        Assert.True(fromEnv.IsOpenAi);
    }

    [Fact]
    public async Task Oss_providers_use_local_defaults_and_env_overrides_without_auth()
    {
        var ollama = await LoadAsync("model_provider = \"ollama\"");

        var byDefault = ProviderResolver.Resolve(ollama, Env(), Home);
        var byPort = ProviderResolver.Resolve(ollama, Env(("CODEX_OSS_PORT", "9999")), Home);
        var byUrl = ProviderResolver.Resolve(ollama, Env(("CODEX_OSS_BASE_URL", "http://gpu-box:8080/v1"), ("CODEX_OSS_PORT", "9999")), Home);

        Assert.Equal("http://localhost:11434/v1", byDefault.BaseUrl);
        Assert.Null(byDefault.ApiKey);
        Assert.Equal("http://localhost:9999/v1", byPort.BaseUrl);
        Assert.Equal("http://gpu-box:8080/v1", byUrl.BaseUrl);
    }

    [Fact]
    public async Task Oss_means_the_configured_oss_provider()
    {
        var config = await LoadAsync("model_provider = \"oss\"\noss_provider = \"lmstudio\"\n");

        var p = ProviderResolver.Resolve(config, Env(), Home);

        Assert.Equal(("lmstudio", "http://localhost:1234/v1"), (p.Id, p.BaseUrl));
    }

    [Fact]
    public async Task Oss_without_a_configured_provider_says_how_to_pick_one()
    {
        var config = await LoadAsync("model_provider = \"oss\"\n");

        var e = Assert.Throws<ModelConfigException>(() => ProviderResolver.Resolve(config, Env(), Home));

        Assert.StartsWith("No default OSS provider configured", e.Message);
        Assert.Contains("oss_provider", e.Message);
    }

    [Fact]
    public async Task Undefined_provider_names_the_table_to_add()
    {
        var config = await LoadAsync("model_provider = \"nowhere\"\n");

        var e = Assert.Throws<ModelConfigException>(() => ProviderResolver.Resolve(config, Env(), Home));

        Assert.Contains("[model_providers.nowhere]", e.Message);
    }

    [Fact]
    public async Task Azure_is_detected_from_the_base_url()
    {
        var config = await LoadAsync("""
            model_provider = "az"
            [model_providers.az]
            name = "My Azure"
            base_url = "https://res.openai.azure.com/openai"
            env_key = "AZURE_OPENAI_API_KEY"
            """);

        Assert.True(ProviderResolver.Resolve(config, Env(("AZURE_OPENAI_API_KEY", "a")), Home).IsAzure);
    }
}
