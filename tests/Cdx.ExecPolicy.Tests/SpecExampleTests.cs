using Cdx.ExecPolicy.Check;
using Cdx.ExecPolicy.Rules;

namespace Cdx.ExecPolicy.Tests;

/// <summary>The examples written in spec rules.md, run as written.</summary>
public sealed class SpecExampleTests
{
    // §1.4, verbatim.
    private const string TeamRules = """
        # ~/.codex/rules/team.rules
        SAFE_READS = ["status", "diff", "log"]
        prefix_rule(pattern = ["git", SAFE_READS], decision = "allow",
                    match = ["git status", ["git", "log", "-1"]], not_match = ["git push"])
        prefix_rule(pattern = ["git", ["push", "reset"]], decision = "prompt",
                    justification = "Changes shared history; confirm first.")
        prefix_rule(pattern = [["curl", "wget"]], decision = "forbidden",
                    justification = "Use the internal mirror via `pkg fetch` instead.")
        """;

    private static Policy Load(string text)
    {
        var loader = new PolicyLoader();
        loader.LoadText("team.rules", text);
        return loader.Build();
    }

    [Theory]
    [InlineData("git status", "{\"matchedRules\":[{\"prefixRuleMatch\":{\"matchedPrefix\":[\"git\",\"status\"],\"decision\":\"allow\"}}],\"decision\":\"allow\"}")]
    [InlineData("git push origin", "{\"matchedRules\":[{\"prefixRuleMatch\":{\"matchedPrefix\":[\"git\",\"push\"],\"decision\":\"prompt\",\"justification\":\"Changes shared history; confirm first.\"}}],\"decision\":\"prompt\"}")]
    [InlineData("wget x", "{\"matchedRules\":[{\"prefixRuleMatch\":{\"matchedPrefix\":[\"wget\"],\"decision\":\"forbidden\",\"justification\":\"Use the internal mirror via `pkg fetch` instead.\"}}],\"decision\":\"forbidden\"}")]
    [InlineData("git -C x push", "{\"matchedRules\":[]}")]
    public void The_team_rules_example_loads_and_decides_as_described(string command, string json)
    {
        Assert.Equal(json, CheckJson.Format(Load(TeamRules).Match(command.Split(' '), false), pretty: false));
    }

    [Fact]
    public void Check_output_lists_every_match_in_definition_order_and_the_strictest_decision()
    {
        var policy = Load("""
            prefix_rule(pattern=["git", "push"], decision="prompt", justification="network git ops need review")
            prefix_rule(pattern=["git"])
            """);
        Assert.Equal(
            "{\"matchedRules\":[{\"prefixRuleMatch\":{\"matchedPrefix\":[\"git\",\"push\"],\"decision\":\"prompt\",\"justification\":\"network git ops need review\"}},"
            + "{\"prefixRuleMatch\":{\"matchedPrefix\":[\"git\"],\"decision\":\"allow\"}}],\"decision\":\"prompt\"}",
            CheckJson.Format(policy.Match(["git", "push"], false), false));
    }

    [Fact]
    public void Host_executables_resolve_only_listed_paths_and_only_when_enabled()
    {
        var policy = Load("""
            host_executable(name="git", paths=["/usr/bin/git"])
            prefix_rule(pattern=["git", "status"], decision="prompt")
            """);
        Assert.Empty(policy.Match(["/usr/bin/git", "status"], resolveHostExecutables: false));
        var resolved = Assert.Single(policy.Match(["/usr/bin/git", "status"], resolveHostExecutables: true));
        Assert.Equal("/usr/bin/git", resolved.ResolvedProgram);
        Assert.Empty(policy.Match(["/usr/local/bin/git", "status"], resolveHostExecutables: true));
    }

    [Fact]
    public void Without_host_executable_any_absolute_path_falls_back_to_the_basename()
    {
        var policy = Load("prefix_rule(pattern=[\"git\"], decision=\"forbidden\")");
        Assert.Single(policy.Match(["/opt/git/bin/git", "x"], true));
    }

    [Fact]
    public void Check_never_splits_shell_wrappers()
    {
        var policy = Load("prefix_rule(pattern=[\"rm\"], decision=\"forbidden\")");
        Assert.Equal("{\"matchedRules\":[]}", CheckJson.Format(policy.Match(["bash", "-lc", "git status && rm -rf /"], false), false));
    }

    [Fact]
    public void A_one_element_alternative_list_is_a_plain_token_and_later_alternatives_stay_in_one_rule()
    {
        var policy = Load("prefix_rule(pattern=[[\"hg\"], [\"status\", \"log\"]])");
        var rule = Assert.Single(policy.Rules);
        Assert.Equal("hg [status|log]", rule.PatternText);
        Assert.Equal(["hg", "log"], Assert.Single(policy.Match(["hg", "log", "-v"], false)).MatchedPrefix);
    }
}
