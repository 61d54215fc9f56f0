using Cdx.Config.Model;

namespace Cdx.Config.Tests;

/// <summary>The typed values `cdx exec` reads: providers, instructions, reasoning, OSS selection.</summary>
public sealed class AgentFacingModelTests : IDisposable
{
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Selected_provider_carries_every_transport_setting()
    {
        _s.User("""
            model = "gpt-5"
            model_provider = "azure"
            model_reasoning_effort = "high"
            model_reasoning_summary = "detailed"
            [model_providers.azure]
            name = "Azure"
            base_url = "https://n.openai.azure.com/openai"
            env_key = "AZURE_KEY"
            wire_api = "responses"
            query_params = { api-version = "2025-04-01-preview" }
            http_headers = { X-Team = "core" }
            env_http_headers = { X-Org = "ORG_ID" }
            request_max_retries = 500
            stream_max_retries = 2
            stream_idle_timeout_ms = 1000
            """);
        var c = (await _s.LoadAsync()).Config;
        var p = c.SelectedProvider!;
        Assert.Equal("azure", p.Id);
        Assert.Equal("https://n.openai.azure.com/openai", p.BaseUrl);
        Assert.Equal("AZURE_KEY", p.EnvKey);
        Assert.Equal("2025-04-01-preview", p.QueryParams["api-version"]);
        Assert.Equal("core", p.HttpHeaders["X-Team"]);
        Assert.Equal("ORG_ID", p.EnvHttpHeaders["X-Org"]);
        Assert.Equal(100, p.RequestMaxRetries);
        Assert.Equal(2, p.StreamMaxRetries);
        Assert.Equal(1000, p.StreamIdleTimeoutMs);
        Assert.Equal("high", c.ModelReasoningEffort);
        Assert.Equal("detailed", c.ModelReasoningSummary);
    }

    [Fact]
    public async Task Default_provider_is_openai_and_oss_ids_point_at_local_servers()
    {
        var c = (await _s.LoadAsync()).Config;
        Assert.Equal("openai", c.SelectedProvider!.Id);
        Assert.Equal("https://api.openai.com/v1", c.SelectedProvider.BaseUrl);
        Assert.Equal("http://localhost:11434/v1", c.ModelProviders["ollama"].BaseUrl);
        Assert.Equal("http://localhost:11434/v1", c.ModelProviders["oss"].BaseUrl);
        Assert.Equal("http://localhost:1234/v1", c.ModelProviders["lmstudio"].BaseUrl);
    }

    [Fact]
    public async Task Oss_flag_uses_local_provider_then_oss_provider_then_ollama()
    {
        var e = await _s.LoadAsync(o => o with { Flags = new DedicatedFlags { Oss = true } });
        Assert.Equal("ollama", e.Config.ModelProvider);
        Assert.Equal("gpt-oss:20b", e.Config.Model);
        Assert.Equal("--oss ollama", e.Origins["model_provider"].ToString());

        _s.User("oss_provider = \"lmstudio\"\nmodel = \"mine\"\n");
        e = await _s.LoadAsync(o => o with { Flags = new DedicatedFlags { Oss = true } });
        Assert.Equal("lmstudio", e.Config.ModelProvider);
        Assert.Equal("openai/gpt-oss-20b", e.Config.Model);
        Assert.Equal("lmstudio", e.Config.OssProvider);

        e = await _s.LoadAsync(o => o with { Flags = new DedicatedFlags { Oss = true, LocalProvider = "ollama", Model = "llama" } });
        Assert.Equal("ollama", e.Config.ModelProvider);
        Assert.Equal("llama", e.Config.Model);
    }

    [Fact]
    public async Task Local_provider_without_oss_changes_nothing_and_unknown_providers_are_refused()
    {
        var e = await _s.LoadAsync(o => o with { Flags = new DedicatedFlags { LocalProvider = "lmstudio" } });
        Assert.Equal("openai", e.Config.ModelProvider);
        var ex = await _s.FailAsync(o => o with { Flags = new DedicatedFlags { Oss = true, LocalProvider = "vllm" } });
        Assert.StartsWith("--local-provider: unknown local provider `vllm`", ex.Message);
    }

    [Fact]
    public async Task Instruction_and_output_keys_are_typed_with_paths_resolved_from_their_file()
    {
        _s.User("""
            experimental_instructions_file = "prompts/base.md"
            developer_instructions = "Be brief."
            instructions = "ignored"
            compact_prompt = "Summarise."
            experimental_compact_prompt_file = "prompts/compact.md"
            hide_agent_reasoning = true
            show_raw_agent_reasoning = true
            model_auto_compact_token_limit = 90000
            tool_output_token_limit = 5000
            background_terminal_max_timeout = 60000
            project_doc_max_bytes = 1024
            project_doc_fallback_filenames = ["CLAUDE.md"]
            service_tier = "flex"
            personality = "pragmatic"
            log_dir = "logs"
            """);
        var c = (await _s.LoadAsync()).Config;
        Assert.Equal(Path.Combine(_s.Home, "prompts", "base.md"), c.ModelInstructionsFile);
        Assert.Equal("Be brief.", c.DeveloperInstructions);
        Assert.Equal("ignored", c.Instructions);
        Assert.Equal("Summarise.", c.CompactPrompt);
        Assert.Equal(Path.Combine(_s.Home, "prompts", "compact.md"), c.ExperimentalCompactPromptFile);
        Assert.True(c.HideAgentReasoning);
        Assert.True(c.ShowRawAgentReasoning);
        Assert.Equal(90000, c.ModelAutoCompactTokenLimit);
        Assert.Equal(5000, c.ToolOutputTokenLimit);
        Assert.Equal(60000, c.BackgroundTerminalMaxTimeout);
        Assert.Equal(1024, c.ProjectDocMaxBytes);
        Assert.Equal(["CLAUDE.md"], c.ProjectDocFallbackFilenames);
        Assert.Equal("flex", c.ServiceTier);
        Assert.Equal("pragmatic", c.Personality);
        Assert.Equal(Path.Combine(_s.Home, "logs"), c.LogDir);
    }

    [Fact]
    public async Task Model_instructions_file_beats_its_deprecated_name_and_log_dir_defaults_under_home()
    {
        _s.User("model_instructions_file = \"/opt/new.md\"\nexperimental_instructions_file = \"/opt/old.md\"\n");
        var c = (await _s.LoadAsync()).Config;
        Assert.Equal("/opt/new.md", c.ModelInstructionsFile);
        Assert.Equal(Path.Combine(_s.Home, "log"), c.LogDir);
        Assert.Equal(300_000, c.BackgroundTerminalMaxTimeout);
        Assert.False(c.HideAgentReasoning);
    }

    [Fact]
    public async Task External_sandbox_is_a_requirements_value_not_a_config_value()
    {
        var path = _s.User("sandbox_mode = \"external-sandbox\"\n");
        var ex = await _s.FailAsync();
        Assert.StartsWith($"{path}:1:", ex.Message);
        Assert.Contains("expected one of `read-only`, `workspace-write`, `danger-full-access`", ex.Message);
    }

    [Fact]
    public async Task Override_paths_resolve_against_the_working_directory()
    {
        var e = await _s.LoadAsync("model_instructions_file=prompts/x.md");
        Assert.Equal(Path.Combine(_s.Project, "prompts", "x.md"), e.Config.ModelInstructionsFile);
    }

    [Fact]
    public async Task Shell_environment_policy_and_workspace_write_are_typed()
    {
        _s.User("sandbox_mode = \"workspace-write\"\n[sandbox_workspace_write]\nnetwork_access = true\n[shell_environment_policy]\ninherit = \"core\"\nset = { A = \"1\" }\ninclude_only = [\"PATH\"]\n");
        var c = (await _s.LoadAsync()).Config;
        Assert.Equal(SandboxMode.WorkspaceWrite, c.SandboxMode);
        Assert.True(c.SandboxWorkspaceWrite.NetworkAccess);
        Assert.Equal(EnvironmentInherit.Core, c.ShellEnvironmentPolicy.Inherit);
        Assert.Equal("1", c.ShellEnvironmentPolicy.Set["A"]);
        Assert.Equal(["PATH"], c.ShellEnvironmentPolicy.IncludeOnly);
    }
}
