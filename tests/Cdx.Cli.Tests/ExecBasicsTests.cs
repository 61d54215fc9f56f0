using System.Text.Json.Nodes;
using Cdx.Testing;

namespace Cdx.Cli.Tests;

public sealed class ExecBasicsTests
{
    private static JsonObject Call(string name, string args, string id) => ScriptedItem.FunctionCall(name, args, id);

    [Fact]
    public async Task Plain_answer_prints_codex_event_sequence_and_cumulative_usage()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("Hello world").WithUsage(100, 20, 30, 5));
        using var world = new ExecWorld(server.BaseUrl);
        var r = await world.ExecAsync("--json", "say hello");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["thread.started", "turn.started", "item.completed:agent_message", "turn.completed"], ExecWorld.Shape(r.Stdout));
        var events = ExecWorld.Events(r.Stdout);
        Assert.Equal("item_0", events[2]["item"]!["id"]!.GetValue<string>());
        Assert.Equal("{\"input_tokens\":100,\"cached_input_tokens\":20,\"cache_write_input_tokens\":0,\"output_tokens\":30,\"reasoning_output_tokens\":5}",
            events[3]["usage"]!.ToJsonString());
        var body = server.Requests.Single().Json!;
        Assert.Equal("gpt-5.5", body["model"]!.GetValue<string>());
        Assert.Contains(body["input"]!.AsArray(), i => i!.ToJsonString().Contains("say hello"));
        Assert.Single(world.RolloutFiles());
    }

    [Fact]
    public async Task Human_mode_prints_only_the_final_message_on_stdout()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("Final answer").WithUsage(200, 40, 60, 0));
        using var world = new ExecWorld(server.BaseUrl);
        var r = await world.ExecAsync("question");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("Final answer\n", r.Stdout);
        Assert.Contains("codex\nFinal answer", r.Stderr);
        Assert.Contains("tokens used\n220", r.Stderr);
    }

    [Fact]
    public async Task Command_call_runs_and_its_output_goes_back_to_the_model()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            // Not a login shell: a login shell sources the user's profile (here pyenv's rehash, which
            // waits on a lock shared with every other login shell) and can outlast the yield time.
            ScriptedTurn.Reply(Call("exec_command", "{\"cmd\":\"echo hi-from-cmd; exit 3\",\"login\":false}", "call_1")),
            ScriptedTurn.Text("Done."));
        using var world = new ExecWorld(server.BaseUrl);
        var r = await world.ExecAsync("--json", "-s", "danger-full-access", "run it");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(
            ["thread.started", "turn.started", "item.started:command_execution:in_progress",
             "item.completed:command_execution:failed", "item.completed:agent_message", "turn.completed"],
            ExecWorld.Shape(r.Stdout));
        var done = ExecWorld.Events(r.Stdout)[3]["item"]!;
        Assert.Equal(3, done["exit_code"]!.GetValue<int>());
        Assert.Contains("hi-from-cmd", done["aggregated_output"]!.GetValue<string>());
        var output = server.Requests[1].Input.Last(i => i!["type"]?.GetValue<string>() == "function_call_output")!;
        Assert.Equal("call_1", output["call_id"]!.GetValue<string>());
        Assert.Contains("hi-from-cmd", output["output"]!.ToJsonString());
    }

    [Fact]
    public async Task Patch_call_edits_the_file_and_reports_a_file_change()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ScriptedTurn.Reply(ScriptedItem.CustomToolCall("apply_patch", "*** Begin Patch\n*** Add File: new.txt\n+fresh\n*** End Patch\n", "call_p")),
            ScriptedTurn.Text("Patched."));
        using var world = new ExecWorld(server.BaseUrl);
        var r = await world.ExecAsync("--json", "-s", "workspace-write", "patch it");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("fresh\n", File.ReadAllText(Path.Combine(world.Work, "new.txt")));
        Assert.Contains("item.completed:file_change:completed", ExecWorld.Shape(r.Stdout));
        var change = ExecWorld.Events(r.Stdout).First(e => e["item"]?["type"]?.GetValue<string>() == "file_change")["item"]!;
        Assert.Equal(Path.Combine(world.Work, "new.txt"), change["changes"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Human_mode_shows_the_applied_patch_as_a_unified_diff()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ScriptedTurn.Reply(ScriptedItem.CustomToolCall("apply_patch",
                "*** Begin Patch\n*** Update File: notes.txt\n@@\n-old line\n+new line\n*** End Patch\n", "call_p")),
            ScriptedTurn.Text("Patched."));
        using var world = new ExecWorld(server.BaseUrl);
        File.WriteAllText(Path.Combine(world.Work, "notes.txt"), "keep\nold line\n");
        var r = await world.ExecAsync("--color", "never", "-s", "workspace-write", "patch it");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("keep\nnew line\n", File.ReadAllText(Path.Combine(world.Work, "notes.txt")));
        Assert.Contains($"apply patch\npatch: completed\nupdate {Path.Combine(world.Work, "notes.txt")}\n", r.Stderr);
        Assert.Contains("@@", r.Stderr);
        Assert.Contains("\n-old line\n+new line\n", r.Stderr);
        Assert.Equal("Patched.\n", r.Stdout);
    }

    [Fact]
    public async Task Unknown_tool_and_bad_arguments_are_answered_to_the_model_without_events()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ScriptedTurn.Reply(Call("no_such_tool", "{}", "call_u"), Call("exec_command", "{not json", "call_b")),
            ScriptedTurn.Text("ok"));
        using var world = new ExecWorld(server.BaseUrl);
        var r = await world.ExecAsync("--json", "go");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain(ExecWorld.Shape(r.Stdout), s => s.Contains("command_execution"));
        var input = server.Requests[1].Input;
        var outputs = input.Where(i => i!["type"]?.GetValue<string>() == "function_call_output").ToList();
        Assert.Equal(["call_u", "call_b"], outputs.Select(o => o!["call_id"]!.GetValue<string>()));
        Assert.Contains("unsupported call: no_such_tool", outputs[0]!["output"]!.ToJsonString());
        // serde_json's wording, from the published binary.
        Assert.Equal("failed to parse function arguments: key must be a string at line 1 column 2", outputs[1]!["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Output_schema_is_sent_as_text_format_and_o_writes_the_last_message()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("{\"answer\":\"42\"}"));
        using var world = new ExecWorld(server.BaseUrl);
        var schemaFile = Path.Combine(world.Root, "schema.json");
        File.WriteAllText(schemaFile, "{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"}},\"required\":[\"answer\"],\"additionalProperties\":false}");
        var outFile = Path.Combine(world.Root, "last.txt");
        var r = await world.ExecAsync("--json", "--output-schema", schemaFile, "-o", outFile, "answer");
        Assert.Equal(0, r.ExitCode);
        var format = server.Requests.Single().Json!["text"]!["format"]!;
        Assert.Equal("json_schema", format["type"]!.GetValue<string>());
        Assert.True(format["strict"]!.GetValue<bool>());
        Assert.Equal("codex_output_schema", format["name"]!.GetValue<string>());
        Assert.Equal("{\"answer\":\"42\"}", File.ReadAllText(outFile));
    }

    [Fact]
    public async Task No_message_writes_an_empty_o_file_with_a_warning()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Reply(ScriptedItem.Reasoning("thinking")));
        using var world = new ExecWorld(server.BaseUrl);
        var outFile = Path.Combine(world.Root, "last.txt");
        var r = await world.ExecAsync("-o", outFile, "think");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", File.ReadAllText(outFile));
        Assert.Contains($"Warning: no last agent message; wrote empty content to {outFile}", r.Stderr);
    }

    [Fact]
    public async Task Piped_stdin_is_appended_in_a_stdin_block()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("ok"));
        using var world = new ExecWorld(server.BaseUrl);
        var r = await world.ExecWithStdinAsync("piped text here\n", "--ephemeral", "my prompt");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Reading additional input from stdin...", r.Stderr);
        Assert.Contains("my prompt\\n\\n<stdin>\\npiped text here\\n</stdin>", server.Requests.Single().Body);
        Assert.Empty(world.RolloutFiles());
    }

    [Fact]
    public async Task Empty_stdin_without_prompt_exits_1()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var world = new ExecWorld(server.BaseUrl);
        var r = await world.ExecWithStdinAsync("", "-");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("No prompt provided via stdin.", r.Stderr);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Missing_api_key_exits_1_naming_the_variable()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var world = new ExecWorld(server.BaseUrl);
        var env = world.Env;
        env["MOCK_API_KEY"] = null;
        var r = await CdxProcess.RunAsync(["exec", "--skip-git-repo-check", "-C", world.Work, "hi"], stdin: "", environment: env);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("MOCK_API_KEY", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public async Task Outside_a_git_repository_the_trust_check_refuses()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var world = new ExecWorld(server.BaseUrl);
        var plain = Directory.CreateDirectory(Path.Combine(world.Root, "plain")).FullName;
        var r = await CdxProcess.RunAsync(["exec", "-C", plain, "hi"], stdin: "", environment: world.Env);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Not inside a trusted directory and --skip-git-repo-check was not specified.", r.Stderr);
    }
}
