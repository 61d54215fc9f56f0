using Cdx.Protocol.Exec;
using Cdx.Protocol.Rollout;

namespace Cdx.Protocol.Tests;

public sealed class ExecJsonTests
{
    [Fact]
    public void Command_item_writes_id_then_type_then_fields_with_null_exit_code()
    {
        var line = ExecJson.Serialize(new ItemEvent(ItemPhase.Started, new ExecCommandExecution
        {
            Id = "item_1", Command = "/bin/bash -lc 'echo hi'", Status = "in_progress",
        }));
        Assert.Equal(
            "{\"type\":\"item.started\",\"item\":{\"id\":\"item_1\",\"type\":\"command_execution\",\"command\":\"/bin/bash -lc 'echo hi'\",\"aggregated_output\":\"\",\"exit_code\":null,\"status\":\"in_progress\"}}",
            line);
    }

    [Fact]
    public void Turn_completed_usage_has_the_five_counters_in_codex_order()
    {
        var line = ExecJson.Serialize(new TurnCompletedEvent(new ExecUsage(100, 20, 0, 30, 5)));
        Assert.Equal(
            "{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":100,\"cached_input_tokens\":20,\"cache_write_input_tokens\":0,\"output_tokens\":30,\"reasoning_output_tokens\":5}}",
            line);
    }

    [Fact]
    public void Thread_turn_and_failure_events_match_the_spec_shapes()
    {
        Assert.Equal("{\"type\":\"thread.started\",\"thread_id\":\"t1\"}", ExecJson.Serialize(new ThreadStartedEvent("t1")));
        Assert.Equal("{\"type\":\"turn.started\"}", ExecJson.Serialize(new TurnStartedEvent()));
        Assert.Equal("{\"type\":\"turn.failed\",\"error\":{\"message\":\"boom\"}}", ExecJson.Serialize(new TurnFailedEvent(new ExecError("boom"))));
        Assert.Equal("{\"type\":\"error\",\"message\":\"Reconnecting... 1/5 (x)\"}", ExecJson.Serialize(new ErrorEvent("Reconnecting... 1/5 (x)")));
    }

    [Fact]
    public void File_change_and_todo_list_items_serialize_their_lists()
    {
        var change = ExecJson.Serialize(new ItemEvent(ItemPhase.Completed, new ExecFileChange
        {
            Id = "item_0", Changes = [new ExecFileUpdate("/w/a.txt", "update")], Status = "completed",
        }));
        Assert.Equal("{\"type\":\"item.completed\",\"item\":{\"id\":\"item_0\",\"type\":\"file_change\",\"changes\":[{\"path\":\"/w/a.txt\",\"kind\":\"update\"}],\"status\":\"completed\"}}", change);
        var todo = ExecJson.Serialize(new ItemEvent(ItemPhase.Updated, new ExecTodoList
        {
            Id = "item_3", Items = [new ExecTodoEntry("one", true), new ExecTodoEntry("two", false)],
        }));
        Assert.Equal("{\"type\":\"item.updated\",\"item\":{\"id\":\"item_3\",\"type\":\"todo_list\",\"items\":[{\"text\":\"one\",\"completed\":true},{\"text\":\"two\",\"completed\":false}]}}", todo);
    }

    [Fact]
    public void Non_ascii_text_is_written_unescaped_like_codex()
    {
        var line = ExecJson.Serialize(new ItemEvent(ItemPhase.Completed, new ExecAgentMessage { Id = "item_0", Text = "We’re <ok> & \"quoted\"" }));
        Assert.Contains("We’re <ok> & \\\"quoted\\\"", line);
    }

    [Fact]
    public void Rollout_line_round_trips_and_torn_lines_are_rejected()
    {
        var line = new RolloutLine
        {
            Timestamp = new DateTimeOffset(2026, 11, 21, 12, 57, 19, 852, TimeSpan.Zero),
            Ordinal = 3,
            Type = RolloutTypes.EventMsg,
            Payload = RolloutJson.ToNode(new TurnAbortedEvent("interrupted")),
        };
        var text = RolloutJson.Serialize(line);
        Assert.Equal("{\"timestamp\":\"2026-11-21T12:57:19.852Z\",\"ordinal\":3,\"type\":\"event_msg\",\"payload\":{\"type\":\"turn_aborted\",\"reason\":\"interrupted\"}}", text);
        var back = RolloutJson.TryParse(text);
        Assert.NotNull(back);
        Assert.Equal(3, back.Ordinal);
        Assert.Equal("interrupted", back.Payload["reason"]!.GetValue<string>());
        Assert.Null(RolloutJson.TryParse(text[..^5]));
    }

    [Fact]
    public void Session_meta_omits_git_outside_a_repository_and_reads_back()
    {
        var meta = new SessionMeta
        {
            Id = "01a1fe2e-c290-7291-8104-ae04d778a8cd", Timestamp = "2026-11-21T12:57:19.780Z", Cwd = "/w",
            Originator = "codex_exec", CliVersion = "0.1.0", Source = "exec", ModelProvider = "mock",
        };
        var node = RolloutJson.ToNode(meta);
        Assert.Null(node["git"]);
        Assert.Equal(meta, RolloutJson.ReadSessionMeta(node));
        var withGit = RolloutJson.ToNode(meta with { Git = new GitInfo { CommitHash = "abc", Branch = "main" } });
        Assert.Equal("{\"commit_hash\":\"abc\",\"branch\":\"main\"}", withGit["git"]!.ToJsonString());
    }
}
