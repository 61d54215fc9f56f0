using System.Diagnostics;
using Cdx.Testing;

namespace Cdx.Cli.Tests;

public sealed class ExecResumeTests
{
    [Fact]
    public async Task Resume_by_id_keeps_the_thread_id_history_and_usage_totals()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ScriptedTurn.Text("Hello world").WithUsage(100, 0, 10, 0),
            ScriptedTurn.Text("Again").WithUsage(100, 0, 10, 0));
        using var world = new ExecWorld(server.BaseUrl);
        var first = await world.ExecAsync("--json", "first prompt");
        var threadId = ExecWorld.Events(first.Stdout)[0]["thread_id"]!.GetValue<string>();
        var second = await CdxProcess.RunAsync(
            ["exec", "--skip-git-repo-check", "-C", world.Work, "resume", threadId, "--json", "second prompt"],
            stdin: "", environment: world.Env);
        Assert.Equal(0, second.ExitCode);
        var events = ExecWorld.Events(second.Stdout);
        Assert.Equal(threadId, events[0]["thread_id"]!.GetValue<string>());
        Assert.Equal(200, events[^1]["usage"]!["input_tokens"]!.GetValue<long>());
        var body = server.Requests[1].Body;
        Assert.True(body.IndexOf("first prompt", StringComparison.Ordinal) < body.IndexOf("Hello world", StringComparison.Ordinal));
        Assert.True(body.IndexOf("Hello world", StringComparison.Ordinal) < body.IndexOf("second prompt", StringComparison.Ordinal));
        Assert.Single(world.RolloutFiles());
    }

    [Fact]
    public async Task Resume_of_an_unknown_id_exits_1()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var world = new ExecWorld(server.BaseUrl);
        var r = await CdxProcess.RunAsync(
            ["exec", "--skip-git-repo-check", "-C", world.Work, "resume", "01a1fe2e-0000-7000-8000-000000000000", "hi"],
            stdin: "", environment: world.Env);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no rollout found for thread id 01a1fe2e-0000-7000-8000-000000000000", r.Stderr);
    }

    [Fact]
    public async Task Kill_9_during_a_command_then_resume_last_continues_with_full_history()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            // login:false: killing a login shell while it sources the user's profile can leave profile
            // locks behind (pyenv's rehash lock), which stalls every later login shell on the machine.
            ScriptedTurn.Reply(ScriptedItem.FunctionCall("exec_command", "{\"cmd\":\"sleep 20\",\"yield_time_ms\":20000,\"login\":false}", "call_sleep")),
            ScriptedTurn.Text("continued"));
        using var world = new ExecWorld(server.BaseUrl);
        using (var p = world.Start("-s", "danger-full-access", "--json", "start a long command"))
        {
            await WaitForAsync(() => world.RolloutFiles().Any(f => ReadShared(f).Contains("call_sleep")));
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
        var r = await CdxProcess.RunAsync(
            ["exec", "--skip-git-repo-check", "-C", world.Work, "resume", "--last", "--json", "continue"],
            stdin: "", environment: world.Env);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("continued", r.Stdout);
        var input = server.Requests[1].Input.Select(i => i!.ToJsonString()).ToList();
        Assert.Contains(input, i => i.Contains("start a long command"));
        Assert.Contains(input, i => i.Contains("\"function_call\"") && i.Contains("call_sleep"));
        Assert.Contains(input, i => i.Contains("function_call_output") && i.Contains("call_sleep"));
        Assert.Contains("continue", input[^1]);
    }

    [Fact]
    public async Task Ctrl_c_mid_command_aborts_the_turn_and_records_it()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ScriptedTurn.Reply(ScriptedItem.FunctionCall("exec_command", "{\"cmd\":\"sleep 20\",\"yield_time_ms\":20000,\"login\":false}", "call_sleep")));
        using var world = new ExecWorld(server.BaseUrl);
        using var p = world.Start("-s", "danger-full-access", "--json", "start a long command");
        await WaitForAsync(() => world.RolloutFiles().Any(f => ReadShared(f).Contains("call_sleep")));
        await Task.Delay(300);
        using (var kill = Process.Start("kill", ["-INT", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await p.WaitForExitAsync(cts.Token);
        Assert.Equal(130, p.ExitCode);
        Assert.Contains("\"turn_aborted\"", ReadShared(world.RolloutFiles().Single()));
    }

    private static string ReadShared(string path)
    {
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(s).ReadToEnd();
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in 30 s");
            await Task.Delay(50);
        }
    }
}
