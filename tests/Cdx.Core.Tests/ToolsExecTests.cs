using System.Text.RegularExpressions;
using Cdx.Core.Tools;
using Cdx.Protocol.Items;

namespace Cdx.Core.Tests;

public sealed class ToolsExecTests
{
    private static readonly Regex ChunkFormat = new(
        @"^Chunk ID: [0-9a-f]{6}\nWall time: \d+\.\d{4} seconds\nProcess exited with code (?<code>-?\d+)\nOriginal token count: (?<tokens>\d+)\nOutput:\n(?<out>.*)$",
        RegexOptions.Singleline);

    [Fact]
    public async Task Exec_command_reports_exit_code_tokens_and_interleaved_output_in_the_0169_format()
    {
        using var ws = new Workspace();
        await using var rt = ws.Runtime();
        var events = new RecordingEvents();
        var text = await rt.TextAsync(Calls.Fn("exec_command", """{"cmd":"echo hi; echo err 1>&2; exit 3","login":false}"""), events);
        var m = ChunkFormat.Match(text);
        Assert.True(m.Success, text);
        Assert.Equal("3", m.Groups["code"].Value);
        Assert.Equal("2", m.Groups["tokens"].Value);
        Assert.Equal("hi\nerr\n", m.Groups["out"].Value);
        var finished = Assert.Single(events.Finished);
        Assert.Equal("/bin/bash -c 'echo hi; echo err 1>&2; exit 3'", finished.Command);
        Assert.Equal((3, CommandStatus.Failed, "hi\nerr\n"), (finished.Exit!.Value, finished.Status, finished.Output));
        Assert.Equal(["started call_1 /bin/bash -c 'echo hi; echo err 1>&2; exit 3'", "finished call_1 Failed"], events.Log);
    }

    [Fact]
    public async Task Exec_command_resolves_workdir_against_cwd()
    {
        using var ws = new Workspace();
        Directory.CreateDirectory(ws.PathOf("sub"));
        await using var rt = ws.Runtime();
        var events = new RecordingEvents();
        var text = await rt.TextAsync(Calls.Fn("exec_command", """{"cmd":"pwd","workdir":"sub","login":false}"""), events);
        Assert.EndsWith($"Output:\n{ws.PathOf("sub")}\n", text);
        Assert.Equal("/bin/bash -c pwd", events.Finished[0].Command);
    }

    [Fact]
    public async Task A_command_still_running_becomes_a_session_fed_through_write_stdin()
    {
        using var ws = new Workspace();
        await using var rt = ws.Runtime();
        var events = new RecordingEvents();
        var first = await rt.TextAsync(Calls.Fn("exec_command", """{"cmd":"read line; echo got $line","tty":true,"login":false,"yield_time_ms":300}""", "call_s"), events);
        var id = Regex.Match(first, @"Process running with session ID (\d+)\n").Groups[1].Value;
        Assert.NotEqual("", id);
        Assert.Empty(events.Finished);
        var second = await rt.TextAsync(Calls.Fn("write_stdin", $$"""{"session_id":{{id}},"chars":"bye\n","yield_time_ms":3000}""", "call_w"), events);
        Assert.Contains("Process exited with code 0\n", second);
        Assert.Contains("got bye", second);
        var finished = Assert.Single(events.Finished);
        Assert.Equal("call_s", finished.CallId);
        Assert.Contains("got bye", finished.Output);
    }

    [Fact]
    public async Task Write_stdin_to_an_unknown_session_names_the_id()
    {
        using var ws = new Workspace();
        await using var rt = ws.Runtime();
        Assert.Equal("write_stdin failed: Unknown process id 4242", await rt.TextAsync(Calls.Fn("write_stdin", """{"session_id":4242,"chars":""}""")));
    }

    [Fact]
    public async Task Max_output_tokens_truncates_the_middle_of_the_output()
    {
        using var ws = new Workspace();
        await using var rt = ws.Runtime();
        var text = await rt.TextAsync(Calls.Fn("exec_command", """{"cmd":"seq 1 20000","login":false,"max_output_tokens":50}"""));
        Assert.Contains("Warning: truncated output (original token count:", text);
        Assert.Contains("tokens truncated…", text);
        Assert.StartsWith("1\n2\n", text[(text.IndexOf("Output:\n", StringComparison.Ordinal) + 8)..].Split(")\n", 2)[1]);
        Assert.EndsWith("20000\n", text);
    }

    [Fact]
    public async Task Unknown_tool_and_bad_arguments_are_model_facing_outputs_without_events()
    {
        using var ws = new Workspace();
        await using var rt = ws.Runtime();
        var events = new RecordingEvents();
        Assert.Equal("unsupported call: frobnicate", await rt.TextAsync(Calls.Fn("frobnicate", "{}"), events));
        Assert.Equal("failed to parse function arguments: key must be a string at line 1 column 2",
            await rt.TextAsync(Calls.Fn("exec_command", "{not json"), events));
        Assert.Equal("failed to parse function arguments: missing field `cmd` at line 1 column 14",
            await rt.TextAsync(Calls.Fn("exec_command", """{"nocmd": "x"}"""), events));
        Assert.StartsWith("failed to parse function arguments: invalid type: string \"yes\", expected a boolean",
            await rt.TextAsync(Calls.Fn("exec_command", """{"cmd":"ls","tty":"yes"}"""), events));
        Assert.Equal("unsupported call: web_search", await rt.TextAsync(Calls.Custom("web_search", "x"), events));
        Assert.Empty(events.Log);
    }

    [Fact]
    public async Task Execute_async_wraps_function_results_in_function_call_output_items()
    {
        using var ws = new Workspace();
        await using var rt = ws.Runtime();
        var item = await rt.ExecuteAsync(Calls.Fn("exec_command", """{"cmd":"echo ok","login":false}""", "call_X"), new RecordingEvents(), CancellationToken.None);
        var output = Assert.IsType<FunctionCallOutputItem>(item);
        Assert.Equal("call_X", output.CallId);
        Assert.EndsWith("Output:\nok\n", output.Output.Text);
    }

    [Fact]
    public async Task Shell_tool_uses_the_freeform_format_and_times_out_with_exit_124()
    {
        using var ws = new Workspace();
        await using var rt = ws.Runtime(tweak: o => o with { ShellTool = ShellToolKind.Shell });
        var ok = await rt.TextAsync(Calls.Fn("shell", """{"command":["bash","-c","echo hi"]}"""));
        Assert.Matches(@"^Exit code: 0\nWall time: [0-9.]+ seconds\nOutput:\nhi\n$", ok);
        var events = new RecordingEvents();
        var slow = await rt.TextAsync(Calls.Fn("shell", """{"command":["bash","-c","echo start; sleep 5"],"timeout_ms":300}"""), events);
        Assert.StartsWith("Exit code: 124\n", slow);
        Assert.Contains("Output:\ncommand timed out after 300 milliseconds\nstart\n", slow);
        Assert.Equal(124, events.Finished[0].Exit);
    }
}
