using Cdx.Config;
using Cdx.Config.Model;
using Cdx.ExecPolicy.Rules;

namespace Cdx.ExecPolicy.Tests;

/// <summary>Where rules come from (spec rules.md §4, §7, §10; requirements.md §5).</summary>
public sealed class RulesDiscoveryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cdx-ep-disc-").FullName;

    private string Home => Path.Combine(_root, "home");
    private string Sys => Path.Combine(_root, "sys");
    private string Project => Path.Combine(_root, "repo");

    public RulesDiscoveryTests()
    {
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Sys);
        Directory.CreateDirectory(Path.Combine(Project, ".git"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private void TrustProject() =>
        Write("home/config.toml", $"[projects.\"{Project}\"]\ntrust_level = \"trusted\"\n");

    private async Task<LoadedRules> LoadAsync(bool ignore = false)
    {
        var config = await ConfigLoader.LoadAsync(new ConfigLoadOptions
        {
            CodexHome = Home,
            Cwd = Project,
            SystemConfigDir = Sys,
            HostName = "test-host",
        });
        return RulesDiscovery.Load(config, ignore);
    }

    private static Decision? DecisionFor(LoadedRules rules, params string[] argv)
    {
        var matches = rules.Policy.Match(argv, resolveHostExecutables: true);
        return matches.Count == 0 ? null : matches.Max(m => m.Decision);
    }

    [Fact]
    public async Task System_user_and_trusted_project_rules_load_in_precedence_order_sorted_within_a_folder()
    {
        TrustProject();
        var sys = Write("sys/rules/a.rules", "prefix_rule(pattern=[\"a\"])");
        var userB = Write("home/rules/b.rules", "prefix_rule(pattern=[\"b\"])");
        var userA = Write("home/rules/a.rules", "prefix_rule(pattern=[\"a2\"])");
        var project = Write("repo/.codex/rules/p.rules", "prefix_rule(pattern=[\"p\"], decision=\"prompt\")");
        Write("home/rules/notes.txt", "prefix_rule(pattern=[\"txt\"])");
        Write("home/rules/nested/deep.rules", "prefix_rule(pattern=[\"deep\"])");
        var rules = await LoadAsync();
        Assert.Equal([sys, userA, userB, project], rules.Files);
        Assert.Equal(Decision.Prompt, DecisionFor(rules, "p"));
        Assert.Null(DecisionFor(rules, "txt"));
        Assert.Null(DecisionFor(rules, "deep"));
        Assert.Null(rules.Warning);
    }

    [Fact]
    public async Task Untrusted_project_rules_are_not_loaded()
    {
        Write("repo/.codex/rules/p.rules", "prefix_rule(pattern=[\"p\"], decision=\"forbidden\")");
        var rules = await LoadAsync();
        Assert.Empty(rules.Files);
        Assert.Null(DecisionFor(rules, "p"));
    }

    [Fact]
    public async Task Ignore_rules_skips_user_and_project_files_but_keeps_system_and_requirements()
    {
        TrustProject();
        Write("sys/rules/s.rules", "prefix_rule(pattern=[\"s\"])");
        Write("home/rules/u.rules", "prefix_rule(pattern=[\"u\"])");
        Write("sys/requirements.toml", "[rules]\nprefix_rules = [{ pattern = [{ token = \"r\" }], decision = \"forbidden\" }]\n");
        var rules = await LoadAsync(ignore: true);
        Assert.Equal(Decision.Allow, DecisionFor(rules, "s"));
        Assert.Null(DecisionFor(rules, "u"));
        Assert.Equal(Decision.Forbidden, DecisionFor(rules, "r"));
    }

    [Fact]
    public async Task Requirements_rules_overlay_file_rules_and_strictest_wins()
    {
        Write("home/rules/default.rules", "prefix_rule(pattern=[\"git\", \"push\"])");
        var req = Write("sys/requirements.toml", """
            [rules]
            prefix_rules = [
              { pattern = [{ token = "git" }, { any_of = ["push", "commit"] }], decision = "prompt", justification = "review" },
              { pattern = [{ any_of = ["curl", "wget"] }], decision = "forbidden" },
            ]
            """);
        var rules = await LoadAsync();
        Assert.Equal(3, rules.RequirementRuleCount);
        var matches = rules.Policy.Match(["git", "push"], true);
        Assert.Equal([Decision.Allow, Decision.Prompt], matches.Select(m => m.Decision));
        Assert.True(matches[1].Rule.FromRequirements);
        Assert.Equal(req, matches[1].Rule.Source!.Description);
        Assert.Equal(Decision.Forbidden, DecisionFor(rules, "wget", "x"));
        var verdict = new ExecPolicyEngine(rules.Policy).Evaluate(
            new ExecRequest(["git", "push"], new ApprovalPolicy(ApprovalMode.OnRequest), SandboxMode.ReadOnly));
        Assert.Equal(ExecVerdictKind.Ask, verdict.Kind);
        Assert.Equal("`git push` requires approval: review", verdict.Reason);
    }

    [Fact]
    public async Task A_rules_file_that_fails_to_parse_leaves_only_the_requirements_rules_and_a_warning()
    {
        Write("home/rules/a.rules", "prefix_rule(pattern=[\"ls\"])");
        var bad = Write("home/rules/b.rules", "\nprefix_rule(pattern=[\"git\"]");
        Write("sys/requirements.toml", "[rules]\nprefix_rules = [{ pattern = [{ token = \"rm\" }], decision = \"forbidden\" }]\n");
        var rules = await LoadAsync();
        Assert.NotNull(rules.Warning);
        Assert.StartsWith($"{bad}:2:", rules.Warning!.Detail, StringComparison.Ordinal);
        Assert.EndsWith("(problem is on or around line 2)", rules.Warning.Detail, StringComparison.Ordinal);
        Assert.Equal("Error parsing rules; custom rules not applied.", RulesParseWarning.Summary);
        Assert.Null(DecisionFor(rules, "ls"));
        Assert.Equal(Decision.Forbidden, DecisionFor(rules, "rm"));
    }

    [Fact]
    public async Task Extra_rule_files_load_after_discovered_ones_and_their_errors_are_fatal()
    {
        var config = await ConfigLoader.LoadAsync(new ConfigLoadOptions { CodexHome = Home, Cwd = Project, SystemConfigDir = Sys, HostName = "h" });
        var extra = Write("extra.rules", "prefix_rule(pattern=[\"x\"], decision=\"prompt\")");
        var loaded = RulesDiscovery.Load(config, extraFiles: [extra]);
        Assert.Equal([extra], loaded.Files);
        var broken = Write("broken.rules", "prefix_rule(");
        Assert.Throws<PolicyLoadException>(() => RulesDiscovery.Load(config, extraFiles: [broken]));
    }
}
