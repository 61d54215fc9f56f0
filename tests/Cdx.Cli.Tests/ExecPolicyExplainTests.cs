namespace Cdx.Cli.Tests;

/// <summary>`cdx execpolicy explain` and `check` errors, end to end through the real binary.</summary>
public sealed class ExecPolicyExplainTests : IDisposable
{
    private readonly ConfigWorld _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public async Task Explain_shows_both_segments_and_the_rule_that_made_git_push_prompt()
    {
        var rules = _w.Write("push.rules", "prefix_rule(pattern=[\"git\",\"push\"], decision=\"prompt\")\n");
        var result = await _w.RunAsync("execpolicy", "explain", "--rules", rules, "--", "bash", "-lc", "git add . && git push");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n');
        Assert.Contains("split: shell script split into 2 plain command(s)", lines);
        Assert.Contains("segment 1: git add .", lines);
        Assert.Contains("segment 2: git push", lines);
        Assert.Contains($"  rule {rules}:1: git push matched git push -> prompt", lines);
        Assert.Contains("decision: prompt -> ask the user", lines);
        Assert.Contains("reason: `bash -lc 'git add . && git push'` requires approval by policy", lines);
    }

    [Fact]
    public async Task Explain_uses_codex_home_rules_requirements_and_the_configured_policy()
    {
        _w.Write("home/rules/default.rules", "prefix_rule(pattern=[\"git\"])\n");
        _w.Write("home/config.toml", "approval_policy = \"never\"\nsandbox_mode = \"workspace-write\"\n");
        _w.Write("sys/requirements.toml", "[rules]\nprefix_rules = [{ pattern = [{ token = \"curl\" }], decision = \"prompt\" }]\n");
        var result = await _w.RunAsync("execpolicy", "explain", "--", "bash", "-lc", "git status && curl x");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("approval policy: never; sandbox: workspace-write", result.Stdout);
        Assert.Contains("requirements rules: 1", result.Stdout);
        Assert.Contains("(requirements): curl matched curl -> prompt", result.Stdout);
        Assert.Contains("reason: approval required by policy, but AskForApproval is set to Never", result.Stdout);
    }

    [Fact]
    public async Task Explain_names_the_heuristic_for_unmatched_segments()
    {
        var result = await _w.RunAsync("execpolicy", "explain", "-a", "never", "--", "bash", "-lc", "echo hi > out.txt");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("not splittable", result.Stdout);
        Assert.Contains("  no rule matched", result.Stdout);
        Assert.Contains("  heuristic: never: run in the sandbox without asking -> allow", result.Stdout);
        Assert.Contains("decision: allow -> run in the sandbox without asking", result.Stdout);
    }

    [Fact]
    public async Task Explain_reports_a_broken_user_rules_file_and_continues_with_requirements_only()
    {
        var bad = _w.Write("home/rules/bad.rules", "prefix_rule(pattern=[\"git\"]\n");
        var result = await _w.RunAsync("execpolicy", "explain", "--", "git", "push");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"warning: Error parsing rules; custom rules not applied. {bad}:", result.Stdout);
    }

    [Fact]
    public async Task Check_reports_a_syntax_error_with_file_line_and_column_and_exits_1()
    {
        var bad = _w.Write("bad.rules", "prefix_rule(pattern=[\"a\"])\nprefix_rule(pattern=[\"b\"] decision=\"allow\")\n");
        var result = await _w.RunAsync("execpolicy", "check", "--rules", bad, "--", "a");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains($"Error: failed to parse policy at {bad}", result.Stderr);
        Assert.Matches($"{System.Text.RegularExpressions.Regex.Escape(bad)}:2:\\d+: ", result.Stderr);
    }

    [Fact]
    public async Task Check_fails_the_load_when_a_match_example_does_not_match()
    {
        var rules = _w.Write("m.rules", "prefix_rule(pattern=[\"git\", \"status\"], match=[\"git log\"])\n");
        var result = await _w.RunAsync("execpolicy", "check", "--rules", rules, "--", "git", "status");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{rules}:1:1: expected every example to match at least one rule.", result.Stderr);
        Assert.Contains("unmatched examples: [\"git log\"]", result.Stderr);
    }
}
