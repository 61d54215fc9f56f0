using Cdx.Config.Model;
using Cdx.ExecPolicy.Rules;

namespace Cdx.ExecPolicy.Tests;

/// <summary>The agent's verdicts: spec rules.md §6 and the interaction table of §9, reason texts of §11.</summary>
public sealed class ExecPolicyEngineTests
{
    private static readonly ApprovalPolicy OnRequest = new(ApprovalMode.OnRequest);
    private static readonly ApprovalPolicy Untrusted = new(ApprovalMode.Untrusted);
    private static readonly ApprovalPolicy Never = new(ApprovalMode.Never);
    private static readonly ApprovalPolicy OnFailure = new(ApprovalMode.OnFailure);

    private static ApprovalPolicy Granular(bool rules, bool sandbox) =>
        new(ApprovalMode.Granular, new GranularApproval(sandbox, rules, true, true, true));

    private static ExecPolicyEngine Engine(string rules)
    {
        var loader = new PolicyLoader();
        loader.LoadText("test.rules", rules);
        return new ExecPolicyEngine(loader.Build());
    }

    private static ExecVerdict Judge(string rules, string[] argv, ApprovalPolicy approval,
        SandboxMode sandbox = SandboxMode.ReadOnly, SandboxPermissions permissions = SandboxPermissions.UseDefault) =>
        Engine(rules).Evaluate(new ExecRequest(argv, approval, sandbox, permissions));

    private static string[] Bash(string script) => ["/bin/bash", "-lc", script];

    public static TheoryData<string> AllPolicies() => new() { "on-request", "untrusted", "never", "granular" };

    private static ApprovalPolicy Policy(string name) => name switch
    {
        "on-request" => OnRequest,
        "untrusted" => Untrusted,
        "never" => Never,
        _ => Granular(rules: true, sandbox: true),
    };

    [Theory]
    [MemberData(nameof(AllPolicies))]
    public void All_segments_explicitly_allowed_run_unsandboxed_without_prompt(string policy)
    {
        var v = Judge("prefix_rule(pattern=[\"git\"])\nprefix_rule(pattern=[\"touch\"])", Bash("git add . && touch x"), Policy(policy));
        Assert.Equal(ExecVerdictKind.RunOutsideSandbox, v.Kind);
        Assert.Equal(2, v.Segments.Count);
    }

    [Theory]
    [InlineData("on-request")]
    [InlineData("never")]
    [InlineData("granular")]
    public void Some_allow_and_the_rest_heuristically_allowed_run_in_the_sandbox(string policy)
    {
        var v = Judge("prefix_rule(pattern=[\"git\"])", Bash("git --version && touch /root/outside.txt"), Policy(policy));
        Assert.Equal(ExecVerdictKind.RunInSandbox, v.Kind);
        Assert.Equal(Decision.Allow, v.Decision);
        Assert.NotNull(v.Segments[1].Heuristic);
    }

    [Fact]
    public void Under_untrusted_an_allowed_segment_plus_a_known_safe_one_runs_in_the_sandbox()
    {
        var v = Judge("prefix_rule(pattern=[\"git\"])", Bash("git status && ls"), Untrusted);
        Assert.Equal(ExecVerdictKind.RunInSandbox, v.Kind);
        Assert.True(v.Segments[1].Heuristic!.KnownSafe);
    }

    [Theory]
    [InlineData("on-request")]
    [InlineData("untrusted")]
    [InlineData("granular")]
    public void A_prompt_rule_asks_the_user_with_the_rule_reason(string policy)
    {
        var v = Judge("prefix_rule(pattern=[\"git\", \"push\"], decision=\"prompt\", justification=\"shared history\")",
            Bash("git add . && git push"), Policy(policy));
        Assert.Equal(ExecVerdictKind.Ask, v.Kind);
        Assert.True(v.PromptFromRule);
        Assert.Equal("`/bin/bash -lc 'git add . && git push'` requires approval: shared history", v.Reason);
        Assert.Equal("shared history", v.Justification);
    }

    [Fact]
    public void A_prompt_rule_without_justification_requires_approval_by_policy()
    {
        var v = Judge("prefix_rule(pattern=[\"touch\"], decision=\"prompt\")", ["touch", "x"], OnRequest);
        Assert.Equal("`touch x` requires approval by policy", v.Reason);
    }

    [Fact]
    public void A_prompt_rule_under_never_is_rejected_with_codex_text()
    {
        var v = Judge("prefix_rule(pattern=[\"touch\"], decision=\"prompt\")", Bash("touch /root/outside.txt"), Never);
        Assert.Equal(ExecVerdictKind.Forbid, v.Kind);
        Assert.Equal("approval required by policy, but AskForApproval is set to Never", v.Reason);
    }

    [Fact]
    public void A_prompt_rule_under_granular_without_rules_approval_is_rejected()
    {
        var v = Judge("prefix_rule(pattern=[\"touch\"], decision=\"prompt\")", ["touch", "x"], Granular(rules: false, sandbox: true));
        Assert.Equal(ExecVerdictKind.Forbid, v.Kind);
        Assert.Equal("approval required by policy rule, but AskForApproval::Granular.rules is false", v.Reason);
    }

    [Fact]
    public void A_heuristic_prompt_under_granular_without_sandbox_approval_is_rejected()
    {
        var v = Judge("", ["touch", "x"], Granular(rules: true, sandbox: false), permissions: SandboxPermissions.RequireEscalated);
        Assert.Equal(ExecVerdictKind.Forbid, v.Kind);
        Assert.Equal("approval required by policy, but AskForApproval::Granular.sandbox_approval is false", v.Reason);
    }

    [Theory]
    [MemberData(nameof(AllPolicies))]
    public void A_forbidden_rule_rejects_with_its_justification_in_every_policy(string policy)
    {
        var v = Judge("prefix_rule(pattern=[\"touch\"], decision=\"forbidden\", justification=\"use the api\")",
            Bash("touch /root/outside.txt"), Policy(policy));
        Assert.Equal(ExecVerdictKind.Forbid, v.Kind);
        Assert.Equal("`/bin/bash -lc 'touch /root/outside.txt'` rejected: use the api", v.Reason);
    }

    [Fact]
    public void A_forbidden_rule_without_justification_names_the_longest_forbidden_prefix()
    {
        var v = Judge("prefix_rule(pattern=[\"git\"], decision=\"forbidden\")\nprefix_rule(pattern=[\"git\", \"push\"], decision=\"forbidden\")",
            ["git", "push", "origin"], OnRequest);
        Assert.Equal("`git push origin` rejected: policy forbids commands starting with `git push`", v.Reason);
    }

    [Fact]
    public void Strictest_segment_wins_over_an_allow_rule()
    {
        var v = Judge("prefix_rule(pattern=[\"git\"])\nprefix_rule(pattern=[\"rm\"], decision=\"forbidden\")",
            Bash("git status && rm x"), OnRequest);
        Assert.Equal(ExecVerdictKind.Forbid, v.Kind);
        Assert.Equal("`/bin/bash -lc 'git status && rm x'` rejected: policy forbids commands starting with `rm`", v.Reason);
    }

    [Fact]
    public void A_redirect_keeps_the_script_whole_so_an_allow_rule_does_not_apply()
    {
        var v = Judge("prefix_rule(pattern=[\"echo\"])", Bash("echo hi > /root/outside.txt"), OnRequest);
        Assert.Equal(ExecVerdictKind.RunInSandbox, v.Kind);
        Assert.Empty(v.MatchedRules);
    }

    [Fact]
    public void A_heredoc_command_matches_its_rule()
    {
        var v = Judge("prefix_rule(pattern=[\"cat\"])", Bash("cat <<EOF\nhello\nEOF"), OnRequest);
        Assert.Equal(ExecVerdictKind.RunOutsideSandbox, v.Kind);
    }

    [Fact]
    public void Heredoc_commands_never_get_the_known_safe_shortcut()
    {
        var v = Judge("", Bash("cat <<EOF\nhello\nEOF"), Untrusted);
        Assert.Equal(ExecVerdictKind.Ask, v.Kind);
        Assert.Null(v.Reason);
    }

    [Theory]
    [InlineData(SandboxMode.DangerFullAccess)]
    [InlineData(SandboxMode.ReadOnly)]
    public void Forced_rm_under_never_is_rejected_with_the_0_169_text(SandboxMode sandbox)
    {
        var v = Judge("", Bash("rm -rf junk"), Never, sandbox);
        Assert.Equal(ExecVerdictKind.Forbid, v.Kind);
        Assert.Equal("`/bin/bash -lc 'rm -rf junk'` rejected: rm -f style commands are not permitted. Use a safer approach", v.Reason);
    }

    [Theory]
    [InlineData("on-request")]
    [InlineData("untrusted")]
    [InlineData("granular")]
    public void Forced_rm_asks_under_policies_that_can_prompt(string policy)
    {
        var v = Judge("", ["rm", "-rf", "junk"], Policy(policy), SandboxMode.DangerFullAccess);
        Assert.Equal(ExecVerdictKind.Ask, v.Kind);
        Assert.Null(v.Reason);
    }

    [Theory]
    [InlineData(new[] { "ls", "-la" }, ExecVerdictKind.RunInSandbox)]
    [InlineData(new[] { "bash", "-lc", "ls && pwd" }, ExecVerdictKind.RunInSandbox)]
    [InlineData(new[] { "cargo", "build" }, ExecVerdictKind.Ask)]
    [InlineData(new[] { "git", "status" }, ExecVerdictKind.Ask)]
    public void Untrusted_runs_known_safe_commands_and_asks_for_the_rest(string[] argv, ExecVerdictKind expected)
    {
        Assert.Equal(expected, Judge("", argv, Untrusted).Kind);
    }

    [Theory]
    [InlineData(SandboxMode.ReadOnly, SandboxPermissions.UseDefault, ExecVerdictKind.RunInSandbox)]
    [InlineData(SandboxMode.WorkspaceWrite, SandboxPermissions.UseDefault, ExecVerdictKind.RunInSandbox)]
    [InlineData(SandboxMode.WorkspaceWrite, SandboxPermissions.RequireEscalated, ExecVerdictKind.Ask)]
    [InlineData(SandboxMode.DangerFullAccess, SandboxPermissions.RequireEscalated, ExecVerdictKind.RunInSandbox)]
    [InlineData(SandboxMode.ExternalSandbox, SandboxPermissions.UseDefault, ExecVerdictKind.RunInSandbox)]
    public void On_request_and_on_failure_follow_the_sandbox_and_the_escalation_request(
        SandboxMode sandbox, SandboxPermissions permissions, ExecVerdictKind expected)
    {
        Assert.Equal(expected, Judge("", ["cargo", "build"], OnRequest, sandbox, permissions).Kind);
        Assert.Equal(expected, Judge("", ["cargo", "build"], Granular(true, true), sandbox, permissions).Kind);
    }

    [Fact]
    public void Never_runs_unmatched_commands_in_the_sandbox()
    {
        Assert.Equal(ExecVerdictKind.RunInSandbox, Judge("", ["cargo", "build"], Never).Kind);
    }

    [Theory]
    [InlineData(ApprovalMode.Never, "Never")]
    [InlineData(ApprovalMode.Untrusted, "UnlessTrusted")]
    [InlineData(ApprovalMode.OnFailure, "OnFailure")]
    public void Escalation_requests_are_rejected_when_the_policy_cannot_ask_for_them(ApprovalMode mode, string name)
    {
        var v = Judge("", ["touch", "x"], new ApprovalPolicy(mode), permissions: SandboxPermissions.RequireEscalated);
        Assert.Equal(ExecVerdictKind.Forbid, v.Kind);
        Assert.Equal($"approval policy is {name}; reject command — you cannot ask for escalated permissions if the approval policy is {name}", v.Reason);
    }

    [Fact]
    public void On_failure_is_handled_like_on_request()
    {
        Assert.Equal(ExecVerdictKind.RunInSandbox, Judge("", ["cargo", "build"], OnFailure).Kind);
        Assert.Equal(ExecVerdictKind.Ask, Judge("", ["rm", "-f", "x"], OnFailure).Kind);
    }

    [Fact]
    public void The_agent_resolves_host_executables()
    {
        var rules = "host_executable(name=\"git\", paths=[\"/usr/bin/git\"])\nprefix_rule(pattern=[\"git\", \"push\"], decision=\"forbidden\")";
        var v = Judge(rules, ["/usr/bin/git", "push"], OnRequest);
        Assert.Equal(ExecVerdictKind.Forbid, v.Kind);
        Assert.Equal("/usr/bin/git", v.MatchedRules.Single().ResolvedProgram);
        Assert.Equal(ExecVerdictKind.RunInSandbox, Judge(rules, ["/usr/local/bin/git", "push"], OnRequest).Kind);
    }

    [Fact]
    public void Matched_rules_carry_their_source_file_and_line()
    {
        var v = Judge("\n\nprefix_rule(pattern=[\"git\", \"push\"], decision=\"prompt\")", Bash("git add . && git push"), OnRequest);
        Assert.Equal(2, v.Segments.Count);
        var rule = v.Segments[1].Rules.Single().Rule;
        Assert.Equal("test.rules:3", rule.Source!.ToString());
        Assert.Empty(v.Segments[0].Rules);
    }

    [Fact]
    public void A_rejected_escalation_still_reports_its_segments()
    {
        var v = Judge("prefix_rule(pattern=[\"git\"])", Bash("git add . && git push"), Never, permissions: SandboxPermissions.RequireEscalated);
        Assert.Equal(ExecVerdictKind.Forbid, v.Kind);
        Assert.Equal(2, v.Segments.Count);
    }
}
