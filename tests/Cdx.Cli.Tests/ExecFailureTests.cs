using Cdx.Testing;

namespace Cdx.Cli.Tests;

public sealed class ExecFailureTests
{
    [Fact]
    public async Task Status_429_with_retry_after_is_retried_then_succeeds()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ScriptedTurn.Http(429, "{\"error\":{\"message\":\"slow down\"}}", ("Retry-After", "0")),
            ScriptedTurn.Text("after retry"));
        using var world = new ExecWorld(server.BaseUrl);
        File.WriteAllText(Path.Combine(world.Home, "config.toml"),
            File.ReadAllText(Path.Combine(world.Home, "config.toml")).Replace("stream_max_retries = 0", "stream_max_retries = 1"));
        var r = await world.ExecAsync("--json", "hi");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(2, server.ModelRequestCount);
        // 429 is retried by the stream layer only (spec model-protocol.md §5.1), with a visible notice.
        Assert.Equal(["thread.started", "turn.started", "error", "item.completed:agent_message", "turn.completed"], ExecWorld.Shape(r.Stdout));
        Assert.StartsWith("Reconnecting... 1/1 (", ExecWorld.Events(r.Stdout)[2]["message"]!.GetValue<string>());
        Assert.Contains("after retry", r.Stdout);
    }

    [Fact]
    public async Task Status_500_until_retries_run_out_fails_the_turn_with_exit_1()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            [ScriptedTurn.Http(500, "oops")], whenExhausted: ScriptedTurn.Http(500, "oops"));
        using var world = new ExecWorld(server.BaseUrl);
        File.WriteAllText(Path.Combine(world.Home, "config.toml"),
            File.ReadAllText(Path.Combine(world.Home, "config.toml")).Replace("request_max_retries = 0", "request_max_retries = 1"));
        var r = await world.ExecAsync("--json", "hi");
        Assert.Equal(1, r.ExitCode);
        var shape = ExecWorld.Shape(r.Stdout);
        Assert.Equal("turn.failed", shape[^1]);
        Assert.DoesNotContain("turn.completed", shape);
        Assert.Equal(2, server.ModelRequestCount);
    }

    [Fact]
    public async Task Stream_cut_mid_turn_reconnects_and_keeps_finished_items()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ScriptedTurn.Cut(1, ScriptedItem.Message("first part"), ScriptedItem.Message("never sent")),
            ScriptedTurn.Text("second part"));
        using var world = new ExecWorld(server.BaseUrl);
        File.WriteAllText(Path.Combine(world.Home, "config.toml"),
            File.ReadAllText(Path.Combine(world.Home, "config.toml")).Replace("stream_max_retries = 0", "stream_max_retries = 2"));
        var r = await world.ExecAsync("--json", "hi");
        Assert.Equal(0, r.ExitCode);
        var events = ExecWorld.Events(r.Stdout);
        Assert.Contains(events, e => e["type"]!.GetValue<string>() == "error"
            && e["message"]!.GetValue<string>().StartsWith("Reconnecting... 1/2", StringComparison.Ordinal));
        var messages = events.Where(e => e["item"]?["type"]?.GetValue<string>() == "agent_message")
            .Select(e => e["item"]!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(["first part", "second part"], messages);
        Assert.Contains("first part", server.Requests[1].Body);
    }

    [Fact]
    public async Task Idle_stream_times_out_and_fails_the_turn()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Stall(0, ScriptedItem.Message("late")));
        using var world = new ExecWorld(server.BaseUrl, "stream_idle_timeout_ms = 300");
        var r = await world.ExecAsync("--json", "hi");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("turn.failed", ExecWorld.Shape(r.Stdout)[^1]);
    }

    [Fact]
    public async Task Read_only_sandbox_denies_writes_and_escalation_is_rejected_in_exec()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ScriptedTurn.Reply(ScriptedItem.FunctionCall("exec_command", "{\"cmd\":\"touch denied.txt\"}", "call_1")),
            ScriptedTurn.Reply(ScriptedItem.FunctionCall("exec_command",
                "{\"cmd\":\"touch escalated.txt\",\"sandbox_permissions\":\"require_escalated\",\"justification\":\"need it\"}", "call_2")),
            ScriptedTurn.Text("gave up"));
        using var world = new ExecWorld(server.BaseUrl);
        var r = await world.ExecAsync("--json", "-s", "read-only", "write files");
        Assert.Equal(0, r.ExitCode);
        Assert.False(File.Exists(Path.Combine(world.Work, "denied.txt")));
        Assert.False(File.Exists(Path.Combine(world.Work, "escalated.txt")));
        Assert.Contains("item.completed:command_execution:failed", ExecWorld.Shape(r.Stdout));
        Assert.Equal(3, server.ModelRequestCount);
        var rejection = server.Requests[2].Input.Last(i => i!["call_id"]?.GetValue<string>() == "call_2")!;
        Assert.Contains("you cannot ask for escalated permissions if the approval policy is Never", rejection["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rule_that_prompts_is_rejected_in_exec_without_running_the_command()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ScriptedTurn.Reply(ScriptedItem.FunctionCall("exec_command", "{\"cmd\":\"touch ruled.txt\"}", "call_r")),
            ScriptedTurn.Text("ok"));
        using var world = new ExecWorld(server.BaseUrl);
        Directory.CreateDirectory(Path.Combine(world.Home, "rules"));
        File.WriteAllText(Path.Combine(world.Home, "rules", "default.rules"), "prefix_rule(pattern=[\"touch\"], decision=\"prompt\")\n");
        var r = await world.ExecAsync("--json", "-s", "danger-full-access", "touch it");
        Assert.Equal(0, r.ExitCode);
        Assert.False(File.Exists(Path.Combine(world.Work, "ruled.txt")));
        Assert.DoesNotContain(ExecWorld.Shape(r.Stdout), s => s.Contains("command_execution:completed"));
        var rejection = server.Requests[1].Input.Last(i => i!["call_id"]?.GetValue<string>() == "call_r")!;
        Assert.Contains("approval required by policy, but AskForApproval is set to Never", rejection["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_outside_the_writable_roots_is_refused_and_nothing_is_written()
    {
        var outside = Path.Combine("/var/tmp", "cdx-exec-outside-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
        await using var server = await ScriptedModelServer.StartAsync(
            ScriptedTurn.Reply(ScriptedItem.CustomToolCall("apply_patch", $"*** Begin Patch\n*** Add File: {outside}\n+x\n*** End Patch\n", "call_o")),
            ScriptedTurn.Text("ok"));
        using var world = new ExecWorld(server.BaseUrl);
        var r = await world.ExecAsync("--json", "-s", "workspace-write", "write outside");
        Assert.Equal(0, r.ExitCode);
        Assert.False(File.Exists(outside));
        var output = server.Requests[1].Input.Last(i => i!["call_id"]?.GetValue<string>() == "call_o")!;
        // What Codex 0.169 exec answers (checked with the bench harness): no file_change item at all.
        Assert.Equal("patch rejected: writing outside of the project; rejected by user approval settings", output["output"]!.GetValue<string>());
        Assert.DoesNotContain(ExecWorld.Shape(r.Stdout), s => s.Contains("file_change"));
    }
}
