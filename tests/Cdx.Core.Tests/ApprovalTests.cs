using Cdx.Config.Model;
using Cdx.Core.Approvals;
using Cdx.ExecPolicy.Rules;
using Cdx.Sandbox;
using SandboxMode = Cdx.Sandbox.SandboxMode;

namespace Cdx.Core.Tests;

public sealed class ApprovalTests
{
    private const string RuleText = """
        prefix_rule(pattern=["touch"], decision="forbidden", justification="use the api")
        prefix_rule(pattern=["mkdir"], decision="forbidden")
        prefix_rule(pattern=["git", "push"], decision="prompt")
        prefix_rule(pattern=["echo"], decision="allow")
        """;

    [Fact]
    public async Task Forbidden_rules_reject_with_the_wrapped_codex_text_and_no_events()
    {
        using var ws = new Workspace();
        await using var rt = ws.Runtime(SandboxPolicy.WorkspaceWrite, rules: Calls.Rules(RuleText));
        var events = new RecordingEvents();
        Assert.Equal("exec_command failed: CreateProcess { message: \"Rejected(\\\"`/bin/bash -lc 'touch x.txt'` rejected: use the api\\\")\" }",
            await rt.TextAsync(Calls.Fn("exec_command", """{"cmd":"touch x.txt"}"""), events));
        Assert.Equal("exec_command failed: CreateProcess { message: \"Rejected(\\\"`/bin/bash -lc 'ls && mkdir d'` rejected: policy forbids commands starting with `mkdir`\\\")\" }",
            await rt.TextAsync(Calls.Fn("exec_command", """{"cmd":"ls && mkdir d"}"""), events));
        Assert.Empty(events.Log);
        Assert.False(File.Exists(ws.PathOf("x.txt")));
    }

    [Fact]
    public async Task Prompt_rule_under_never_is_rejected_without_asking()
    {
        using var ws = new Workspace();
        var handler = new FixedApprovalHandler(ApprovalDecision.Approved);
        await using var rt = ws.Runtime(SandboxPolicy.WorkspaceWrite, rules: Calls.Rules(RuleText), handler: handler);
        Assert.Equal("exec_command failed: CreateProcess { message: \"Rejected(\\\"approval required by policy, but AskForApproval is set to Never\\\")\" }",
            await rt.TextAsync(Calls.Fn("exec_command", """{"cmd":"git push"}""")));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Escalation_under_never_is_refused_with_the_cannot_escalate_text()
    {
        using var ws = new Workspace();
        await using var rt = ws.Runtime(SandboxPolicy.WorkspaceWrite);
        var events = new RecordingEvents();
        var text = await rt.TextAsync(Calls.Fn("exec_command", """{"cmd":"echo hi","sandbox_permissions":"require_escalated","justification":"ok?"}"""), events);
        Assert.Equal("approval policy is Never; reject command — you cannot ask for escalated permissions if the approval policy is Never", text);
        Assert.Empty(events.Log);
    }

    [Fact]
    public async Task Forced_rm_is_forbidden_under_never_by_the_heuristic()
    {
        using var ws = new Workspace();
        await using var rt = ws.Runtime(SandboxPolicy.DangerFullAccess);
        Assert.Equal("exec_command failed: CreateProcess { message: \"Rejected(\\\"`/bin/bash -lc 'rm -rf junk'` rejected: rm -f style commands are not permitted. Use a safer approach\\\")\" }",
            await rt.TextAsync(Calls.Fn("exec_command", """{"cmd":"rm -rf junk"}""")));
    }

    [Fact]
    public async Task Sandbox_denial_under_never_returns_the_failed_output_as_is()
    {
        using var ws = new Workspace();
        var outside = Directory.CreateDirectory(Path.Combine("/var/tmp", "cdx-deny-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        try
        {
            await using var rt = ws.Runtime(SandboxPolicy.WorkspaceWrite);
            var events = new RecordingEvents();
            var text = await rt.TextAsync(Calls.Fn("exec_command", $$"""{"cmd":"touch {{outside}}/x; echo RC=$?","login":false}"""), events);
            Assert.Contains("Read-only file system", text);
            Assert.Contains("RC=1", text);
            Assert.False(File.Exists(Path.Combine(outside, "x")));
            Assert.Contains("Read-only file system", events.Finished[0].Output);
        }
        finally
        {
            Directory.Delete(outside, true);
        }
    }

    [Fact]
    public async Task Sandbox_denial_under_on_request_asks_and_reruns_unsandboxed_when_approved()
    {
        using var ws = new Workspace();
        var outside = Directory.CreateDirectory(Path.Combine("/var/tmp", "cdx-retry-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        try
        {
            var handler = new FixedApprovalHandler(ApprovalDecision.Approved);
            await using var rt = ws.Runtime(SandboxPolicy.WorkspaceWrite, ApprovalMode.OnRequest, handler: handler);
            var text = await rt.TextAsync(Calls.Fn("exec_command", $$"""{"cmd":"touch {{outside}}/x","login":false}"""));
            Assert.Contains("Process exited with code 0", text);
            Assert.True(File.Exists(Path.Combine(outside, "x")));
            Assert.True(Assert.Single(handler.Requests).RetryWithoutSandbox);
        }
        finally
        {
            Directory.Delete(outside, true);
        }
    }

    [Fact]
    public async Task Prompt_rule_denied_by_the_user_returns_the_rejection()
    {
        using var ws = new Workspace();
        var handler = new FixedApprovalHandler(ApprovalDecision.Denied);
        await using var rt = ws.Runtime(SandboxPolicy.WorkspaceWrite, ApprovalMode.OnRequest, Calls.Rules(RuleText), handler);
        var text = await rt.TextAsync(Calls.Fn("exec_command", """{"cmd":"git push origin"}"""));
        Assert.Equal("exec_command failed: CreateProcess { message: \"Rejected(\\\"exec command rejected by user\\\")\" }", text);
        Assert.Equal("`/bin/bash -lc 'git push origin'` requires approval by policy", handler.Requests[0].Reason);
    }

    [Fact]
    public void Explicit_allow_on_every_segment_bypasses_the_sandbox_and_partial_allow_does_not()
    {
        var policy = new CommandPolicy(Calls.Rules(RuleText), new ApprovalPolicy(ApprovalMode.Never), SandboxMode.WorkspaceWrite);
        Assert.True(policy.Assess(["/bin/bash", "-lc", "echo a && echo b"], false).BypassSandbox);
        var mixed = policy.Assess(["/bin/bash", "-lc", "echo a && ls"], false);
        Assert.Equal((CommandVerdict.Run, false), (mixed.Verdict, mixed.BypassSandbox));
        var redirect = policy.Assess(["/bin/bash", "-lc", "echo hi > out.txt"], false);
        Assert.False(redirect.BypassSandbox);
    }

    [Fact]
    public void Requirements_style_policy_and_untrusted_heuristics_behave_per_spec()
    {
        var untrusted = new CommandPolicy(Policy.Empty, new ApprovalPolicy(ApprovalMode.Untrusted), SandboxMode.ReadOnly);
        Assert.Equal(CommandVerdict.Run, untrusted.Assess(["/bin/bash", "-lc", "ls | wc -l"], false).Verdict);
        Assert.Equal(CommandVerdict.Ask, untrusted.Assess(["/bin/bash", "-lc", "cargo check"], false).Verdict);
        var onRequest = new CommandPolicy(Policy.Empty, new ApprovalPolicy(ApprovalMode.OnRequest), SandboxMode.WorkspaceWrite);
        Assert.Equal(CommandVerdict.Ask, onRequest.Assess(["/bin/bash", "-lc", "touch x"], true).Verdict);
        Assert.Equal(CommandVerdict.Run, onRequest.Assess(["/bin/bash", "-lc", "touch x"], false).Verdict);
        Assert.Equal(CommandVerdict.Ask, onRequest.Assess(["/bin/bash", "-lc", "if true; then rm -f x; fi"], false).Verdict);
    }

    [Fact]
    public void Patch_safety_follows_the_writable_roots()
    {
        using var ws = new Workspace();
        Assert.True(PatchSafety.IsWritable(SandboxPolicy.WorkspaceWrite, ws.Dir, [ws.PathOf("a.txt")]));
        Assert.False(PatchSafety.IsWritable(SandboxPolicy.WorkspaceWrite, ws.Dir, ["/var/tmp/x.txt"]));
        Assert.False(PatchSafety.IsWritable(SandboxPolicy.WorkspaceWrite, ws.Dir, [ws.PathOf(".git/config")]));
        Assert.False(PatchSafety.IsWritable(SandboxPolicy.ReadOnly, ws.Dir, [ws.PathOf("a.txt")]));
        Assert.True(PatchSafety.IsWritable(SandboxPolicy.DangerFullAccess, ws.Dir, ["/var/tmp/x.txt"]));
    }
}
