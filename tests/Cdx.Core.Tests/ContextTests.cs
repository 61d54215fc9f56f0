using Cdx.Config.Model;
using Cdx.Core.Context;
using Cdx.Protocol.Items;
using Cdx.Sandbox;

namespace Cdx.Core.Tests;

public sealed class ContextTests
{
    private static AgentsMdOptions Options(Workspace ws, long max = 32768, params string[] fallbacks) => new()
    {
        CodexHome = ws.PathOf("home"),
        ProjectDocMaxBytes = max,
        FallbackFilenames = fallbacks,
    };

    [Fact]
    public void Agents_md_joins_global_then_root_to_cwd_with_override_and_fallback_rules()
    {
        using var ws = new Workspace();
        Directory.CreateDirectory(ws.PathOf("w/.git"));
        ws.Write("home/AGENTS.override.md", "   \n");
        ws.Write("home/AGENTS.md", "Prefer pnpm.\n");
        ws.Write("w/AGENTS.md", "Run pnpm test.");
        ws.Write("w/pkg/AGENTS.override.md", "");
        ws.Write("w/pkg/AGENTS.md", "Use strict TS.");
        ws.Write("w/pkg/ui/TEAM_GUIDE.md", "No inline styles.");
        var result = AgentsMd.Load(ws.PathOf("w/pkg/ui"), Options(ws, 32768, "TEAM_GUIDE.md"));
        Assert.Equal("Prefer pnpm.\n\n--- project-doc ---\n\nRun pnpm test.\n\nNo inline styles.", result.Text);
        Assert.Equal([ws.PathOf("home/AGENTS.md"), ws.PathOf("w/AGENTS.md"), ws.PathOf("w/pkg/ui/TEAM_GUIDE.md")], result.Files);
    }

    [Fact]
    public void Agents_md_without_a_root_marker_reads_only_cwd_and_without_global_has_no_separator()
    {
        using var ws = new Workspace();
        ws.Write("a/AGENTS.md", "parent");
        ws.Write("a/b/AGENTS.md", "child");
        var result = AgentsMd.Load(ws.PathOf("a/b"), Options(ws));
        Assert.Equal("child", result.Text);
        Assert.Null(AgentsMd.Load(ws.PathOf("a/b"), Options(ws, 0)).Text);
    }

    [Fact]
    public void Project_docs_share_one_byte_budget_consumed_root_first()
    {
        using var ws = new Workspace();
        Directory.CreateDirectory(ws.PathOf("r/.git"));
        ws.Write("r/AGENTS.md", new string('x', 40));
        ws.Write("r/s/AGENTS.md", "deeper");
        Assert.Equal(new string('x', 32), AgentsMd.Load(ws.PathOf("r/s"), Options(ws, 32)).Text);
        Assert.Equal(new string('x', 40) + "\n\nde", AgentsMd.Load(ws.PathOf("r/s"), Options(ws, 42)).Text);
    }

    [Fact]
    public void Agents_md_block_uses_the_exact_markers()
    {
        Assert.Equal("# AGENTS.md instructions for /w\n\n<INSTRUCTIONS>\nhi\n</INSTRUCTIONS>", AgentsMd.Render("/w", "hi"));
    }

    [Fact]
    public void Environment_context_lists_cwd_policies_roots_shell_date_and_timezone()
    {
        var text = EnvironmentContext.Render("/w", SandboxPolicy.WorkspaceWrite, new ApprovalPolicy(ApprovalMode.Never), ["/w", "/tmp"],
            "/bin/bash", new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero), "Etc/UTC");
        Assert.Equal(
            "<environment_context>\n  <cwd>/w</cwd>\n  <approval_policy>never</approval_policy>\n  <sandbox_mode>workspace-write</sandbox_mode>\n" +
            "  <network_access>restricted</network_access>\n  <writable_roots>\n    <root>/w</root>\n    <root>/tmp</root>\n  </writable_roots>\n" +
            "  <shell>bash</shell>\n  <current_date>2026-12-06</current_date>\n  <timezone>Etc/UTC</timezone>\n</environment_context>", text);
    }

    [Fact]
    public void Initial_context_is_base_then_permissions_then_agents_and_environment()
    {
        using var ws = new Workspace();
        ws.Write("AGENTS.md", "Be brief.");
        var items = InitialContext.Build(new InitialContextOptions
        {
            Cwd = ws.Dir,
            Sandbox = SandboxPolicy.WorkspaceWrite,
            Approval = new ApprovalPolicy(ApprovalMode.Never),
            AgentsMd = Options(ws),
            DeveloperInstructions = "Team rule.",
            Shell = "/bin/bash",
        });
        Assert.Equal(3, items.Count);
        var base0 = Assert.IsType<MessageItem>(items[0]);
        Assert.Equal(("developer", BaseInstructions.Default), (base0.Role, base0.Text));
        var perms = Assert.IsType<MessageItem>(items[1]);
        Assert.Equal("developer", perms.Role);
        var permText = ((InputTextContent)perms.Content[0]).Text;
        Assert.StartsWith("<permissions instructions>\n`sandbox_mode` is `workspace-write`", permText);
        Assert.Contains($"The writable roots are `{ws.Dir}`", permText);
        Assert.Contains("Approval policy is currently never", permText);
        Assert.Equal("Team rule.", ((InputTextContent)perms.Content[1]).Text);
        var user = Assert.IsType<MessageItem>(items[2]);
        Assert.Equal("user", user.Role);
        Assert.Equal($"# AGENTS.md instructions for {ws.Dir}\n\n<INSTRUCTIONS>\nBe brief.\n</INSTRUCTIONS>", ((InputTextContent)user.Content[0]).Text);
        Assert.StartsWith($"<environment_context>\n  <cwd>{ws.Dir}</cwd>", ((InputTextContent)user.Content[1]).Text);
    }

    [Fact]
    public void User_prompt_wraps_each_image_before_the_text()
    {
        using var ws = new Workspace();
        File.WriteAllBytes(ws.PathOf("a.png"), [1, 2, 3]);
        var message = UserPrompt.Build("describe", ["a.png"], ws.Dir);
        Assert.Equal(4, message.Content.Count);
        Assert.Equal($"<image name=[Image #1] path=\"{ws.PathOf("a.png")}\">", ((InputTextContent)message.Content[0]).Text);
        Assert.Equal("data:image/png;base64,AQID", ((InputImageContent)message.Content[1]).ImageUrl);
        Assert.Equal("</image>", ((InputTextContent)message.Content[2]).Text);
        Assert.Equal("describe", ((InputTextContent)message.Content[3]).Text);
    }
}
