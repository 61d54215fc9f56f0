using Cdx.Config.Model;
using Cdx.Core.Tools;
using Cdx.Protocol.Items;
using Cdx.Sandbox;

namespace Cdx.Core.Tests;

public sealed class ToolsPatchTests
{
    private const string Fix = "*** Begin Patch\n*** Add File: new.txt\n+fresh\n*** Update File: a.txt\n@@\n-old\n+new\n*** End Patch\n";

    [Fact]
    public async Task Freeform_patch_applies_and_reports_sorted_absolute_changes()
    {
        using var ws = new Workspace();
        ws.Write("a.txt", "old\n");
        await using var rt = ws.Runtime(SandboxPolicy.WorkspaceWrite);
        var events = new RecordingEvents();
        var item = await rt.ExecuteAsync(Calls.Custom("apply_patch", Fix, "call_P"), events, CancellationToken.None);
        var output = Assert.IsType<CustomToolCallOutputItem>(item);
        Assert.Equal("Exit code: 0\nWall time: 0 seconds\nOutput:\nSuccess. Updated the following files:\nA new.txt\nM a.txt\n", output.Output);
        Assert.Equal("new\n", File.ReadAllText(ws.PathOf("a.txt")));
        var changes = Assert.Single(events.Patches);
        Assert.Equal([(ws.PathOf("a.txt"), FileChangeKindWire.Update), (ws.PathOf("new.txt"), FileChangeKindWire.Add)],
            changes.Select(c => (c.AbsolutePath, c.Kind)));
        Assert.Equal([PatchStatus.Completed], events.PatchStatuses);
    }

    [Fact]
    public async Task A_move_is_reported_at_its_source_path_as_an_update()
    {
        using var ws = new Workspace();
        ws.Write("a.txt", "x\n");
        await using var rt = ws.Runtime(SandboxPolicy.WorkspaceWrite);
        var events = new RecordingEvents();
        await rt.TextAsync(Calls.Custom("apply_patch", "*** Begin Patch\n*** Update File: a.txt\n*** Move to: b.txt\n@@\n-x\n+y\n*** End Patch\n"), events);
        Assert.Equal((ws.PathOf("a.txt"), FileChangeKindWire.Update), (events.Patches[0][0].AbsolutePath, events.Patches[0][0].Kind));
        Assert.Equal("y\n", File.ReadAllText(ws.PathOf("b.txt")));
    }

    [Fact]
    public async Task Verification_failures_and_empty_patches_write_nothing_and_emit_no_events()
    {
        using var ws = new Workspace();
        ws.Write("a.txt", "old\n");
        await using var rt = ws.Runtime(SandboxPolicy.WorkspaceWrite);
        var events = new RecordingEvents();
        Assert.Equal("patch rejected: empty patch", await rt.TextAsync(Calls.Custom("apply_patch", "*** Begin Patch\n*** End Patch"), events));
        var failed = await rt.TextAsync(Calls.Custom("apply_patch", "*** Begin Patch\n*** Add File: z.txt\n+z\n*** Update File: a.txt\n@@\n-nonexistent\n+b\n*** End Patch\n"), events);
        Assert.Equal($"apply_patch verification failed: Failed to find expected lines in {ws.PathOf("a.txt")}:\nnonexistent", failed);
        Assert.False(File.Exists(ws.PathOf("z.txt")));
        Assert.Empty(events.Log);
    }

    [Fact]
    public async Task Heredoc_through_exec_command_is_applied_as_a_patch_not_executed()
    {
        using var ws = new Workspace();
        await using var rt = ws.Runtime(SandboxPolicy.WorkspaceWrite);
        var events = new RecordingEvents();
        var cmd = "apply_patch <<'EOF'\n*** Begin Patch\n*** Add File: h.txt\n+x\n*** End Patch\nEOF\n";
        var text = await rt.TextAsync(Calls.Fn("exec_command", System.Text.Json.Nodes.JsonValue.Create(cmd)!.ToJsonString() is var q ? $$"""{"cmd":{{q}}}""" : ""), events);
        Assert.Equal("Exit code: 0\nWall time: 0 seconds\nOutput:\nSuccess. Updated the following files:\nA h.txt\n", text);
        Assert.Equal("x\n", File.ReadAllText(ws.PathOf("h.txt")));
        Assert.Equal(["patch-started call_1", "patch-finished call_1 Completed"], events.Log);
    }

    [Fact]
    public async Task Argv_apply_patch_and_cd_heredoc_are_intercepted_in_the_shell_tool()
    {
        using var ws = new Workspace();
        Directory.CreateDirectory(ws.PathOf("sub"));
        await using var rt = ws.Runtime(SandboxPolicy.WorkspaceWrite, tweak: o => o with { ShellTool = ShellToolKind.Shell });
        var argv = """{"command":["apply_patch","*** Begin Patch\n*** Add File: one.txt\n+1\n*** End Patch\n"]}""";
        Assert.Contains("A one.txt", await rt.TextAsync(Calls.Fn("shell", argv)));
        var script = """{"command":["bash","-lc","cd sub && apply_patch <<'PATCH'\n*** Begin Patch\n*** Add File: two.txt\n+2\n*** End Patch\nPATCH"]}""";
        Assert.Contains("A two.txt", await rt.TextAsync(Calls.Fn("shell", script)));
        Assert.True(File.Exists(ws.PathOf("sub/two.txt")));
    }

    [Fact]
    public async Task A_bare_patch_without_apply_patch_is_rejected_with_codex_text()
    {
        using var ws = new Workspace();
        await using var rt = ws.Runtime(SandboxPolicy.WorkspaceWrite);
        var text = await rt.TextAsync(Calls.Fn("exec_command", """{"cmd":"*** Begin Patch\n*** Add File: b.txt\n+x\n*** End Patch\n"}"""));
        Assert.Equal("apply_patch verification failed: patch detected without explicit call to apply_patch. Rerun as [\"apply_patch\", \"<patch>\"]", text);
        Assert.False(File.Exists(ws.PathOf("b.txt")));
    }

    [Fact]
    public async Task Patch_outside_the_writable_roots_is_rejected_under_never_without_events()
    {
        using var ws = new Workspace();
        var outside = Path.Combine("/var/tmp", "cdx-outside-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
        await using var rt = ws.Runtime(SandboxPolicy.WorkspaceWrite with { ExcludeSlashTmp = true });
        var events = new RecordingEvents();
        var text = await rt.TextAsync(Calls.Custom("apply_patch", $"*** Begin Patch\n*** Add File: {outside}\n+hello\n*** End Patch\n"), events);
        Assert.Equal("patch rejected: writing outside of the project; rejected by user approval settings", text);
        Assert.False(File.Exists(outside));
        Assert.Empty(events.Log);
    }

    [Fact]
    public async Task Patch_needing_approval_in_exec_mode_fails_the_request_and_the_file_change()
    {
        using var ws = new Workspace();
        ws.Write("a.txt", "old\n");
        await using var rt = ws.Runtime(SandboxPolicy.ReadOnly, ApprovalMode.OnRequest);
        var events = new RecordingEvents();
        Assert.Equal("approval request failed", await rt.TextAsync(Calls.Custom("apply_patch", Fix), events));
        Assert.Equal([PatchStatus.Failed], events.PatchStatuses);
        Assert.Equal("old\n", File.ReadAllText(ws.PathOf("a.txt")));
    }

    [Fact]
    public async Task Json_function_apply_patch_takes_the_input_field()
    {
        using var ws = new Workspace();
        await using var rt = ws.Runtime(SandboxPolicy.WorkspaceWrite, tweak: o => o with { WireApi = ToolWireApi.Chat });
        var item = await rt.ExecuteAsync(Calls.Fn("apply_patch", """{"input":"*** Begin Patch\n*** Add File: j.txt\n+j\n*** End Patch\n"}"""), new RecordingEvents(), CancellationToken.None);
        Assert.Contains("A j.txt", Assert.IsType<FunctionCallOutputItem>(item).Output.Text);
    }
}
