using System.Reflection;
using System.Text.RegularExpressions;
using Cdx.Config.Model;
using Cdx.Testing;

namespace Cdx.Config.Tests;

/// <summary>docs/configuration.md and the key registry stay in step with the typed model.</summary>
public sealed partial class ReferenceDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "configuration.md"));

    [Fact]
    public void Every_config_key_the_code_reads_is_documented()
    {
        var missing = ConfigKeys.Typed.Where(k => !Doc.Contains($"`{k}`", StringComparison.Ordinal)).ToArray();
        Assert.True(missing.Length == 0, "docs/configuration.md does not document: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_requirements_key_the_code_enforces_is_documented()
    {
        var missing = ConfigKeys.Requirements.Where(k => !Doc.Contains($"`{k}`", StringComparison.Ordinal)).ToArray();
        Assert.True(missing.Length == 0, "docs/configuration.md does not document requirement: " + string.Join(", ", missing));
    }

    // A property added to the typed model without a registry key would slip past the doc check.
    [Theory]
    [InlineData(typeof(CdxConfig), "")]
    [InlineData(typeof(ModelProviderInfo), "model_providers.<id>.")]
    [InlineData(typeof(McpServerConfig), "mcp_servers.<name>.")]
    [InlineData(typeof(AgentsConfig), "agents.")]
    [InlineData(typeof(AgentRole), "agents.<name>.")]
    [InlineData(typeof(ShellEnvironmentPolicy), "shell_environment_policy.")]
    [InlineData(typeof(SandboxWorkspaceWrite), "sandbox_workspace_write.")]
    [InlineData(typeof(HistoryConfig), "history.")]
    [InlineData(typeof(GranularApproval), "approval_policy.granular.")]
    public void Every_typed_model_property_has_a_registered_key(Type record, string prefix)
    {
        // Identity, derived and container properties are not keys of their own.
        string[] notKeys = ["Id", "Name", "DisabledReason", "Roles", "SelectedProvider", "EqualityContract"];
        var keys = ConfigKeys.Typed.Select(Normalize).ToArray();
        var unregistered = record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => !notKeys.Contains(p.Name))
            .Where(p => !keys.Any(k => k.StartsWith(Normalize(prefix) + p.Name.ToLowerInvariant(), StringComparison.Ordinal)))
            .Select(p => p.Name)
            .ToArray();
        Assert.True(unregistered.Length == 0, $"{record.Name} properties without a ConfigKeys.Typed entry: " + string.Join(", ", unregistered));
    }

    [Fact]
    public void The_check_would_notice_an_undocumented_key()
    {
        Assert.DoesNotContain("`model_providers.<id>.not_a_real_key`", Doc);
        Assert.Contains("`model_providers.<id>.stream_idle_timeout_ms`", Doc);
    }

    private static string Normalize(string key) => Placeholder().Replace(key, "").Replace("_", "").Replace(".", "").ToLowerInvariant();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Placeholder();
}
