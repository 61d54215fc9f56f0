using Cdx.Core.Rollout;
using Cdx.Core.Session;
using Cdx.Protocol.Items;
using Cdx.Protocol.Rollout;

namespace Cdx.Core.Tests;

public sealed class RolloutTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("cdx-rollout-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private static SessionMeta Meta(string id, string cwd) => new()
    {
        Id = id, Timestamp = "2026-11-21T12:57:19.780Z", Cwd = cwd, Originator = "codex_exec",
        CliVersion = "0.1.0", Source = "exec", ModelProvider = "mock",
    };

    [Fact]
    public async Task Recorder_writes_dated_file_with_meta_first_and_ordinals_counting_up()
    {
        var id = Guid.CreateVersion7().ToString();
        using (var rec = RolloutRecorder.Create(_home, Meta(id, "/w")))
        {
            rec.AppendItem(MessageItem.User("hello"));
            rec.AppendEvent(new UserMessageEvent("hello"));
            Assert.Matches(@"sessions/\d{4}/\d{2}/\d{2}/rollout-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-" + id + @"\.jsonl$", rec.FilePath);
        }
        var contents = await RolloutReader.ReadAsync(RolloutLocator.FindById(_home, id)!, default);
        Assert.Equal(id, contents.Meta!.Id);
        Assert.Equal([0L, 1L, 2L], contents.Lines.Select(l => l.Ordinal!.Value));
        Assert.Equal(3, contents.NextOrdinal);
    }

    [Fact]
    public async Task Torn_last_line_is_skipped_and_resume_appends_on_a_fresh_line()
    {
        var id = Guid.CreateVersion7().ToString();
        string path;
        using (var rec = RolloutRecorder.Create(_home, Meta(id, "/w")))
        {
            rec.AppendItem(MessageItem.User("kept"));
            path = rec.FilePath;
        }
        File.AppendAllText(path, "{\"timestamp\":\"2026-11-21T12:57:19.852Z\",\"type\":\"response_it");
        var torn = await RolloutReader.ReadAsync(path, default);
        Assert.Equal(1, torn.SkippedLines);
        using (var rec = RolloutRecorder.Resume(path, torn.NextOrdinal))
        {
            rec.AppendItem(MessageItem.Assistant("after"));
        }
        var again = await RolloutReader.ReadAsync(path, default);
        var history = RolloutHistory.Rebuild(again).History.OfType<MessageItem>().Select(m => m.Text).ToList();
        Assert.Equal(["kept", "after"], history);
    }

    [Fact]
    public async Task Rebuild_applies_compaction_and_restores_token_totals()
    {
        var id = Guid.CreateVersion7().ToString();
        string path;
        using (var rec = RolloutRecorder.Create(_home, Meta(id, "/w")))
        {
            rec.AppendItem(MessageItem.User("old"));
            rec.Append(RolloutTypes.Compacted, RolloutJson.ToNode(new CompactedRecord
            {
                Message = "summary",
                ReplacementHistory = [ResponseItemJson.ToJson(MessageItem.User("summary"))],
            }));
            rec.AppendItem(MessageItem.User("new"));
            var usage = new RolloutTokenUsage(100, 20, 0, 30, 5, 130);
            rec.AppendEvent(new TokenCountEvent(new TokenCountInfo(usage, usage, null)));
            path = rec.FilePath;
        }
        var thread = RolloutHistory.Rebuild(await RolloutReader.ReadAsync(path, default));
        Assert.Equal(["summary", "new"], thread.History.OfType<MessageItem>().Select(m => m.Text));
        Assert.Equal(100, thread.TotalUsage.InputTokens);
        Assert.Equal(130, thread.TotalUsage.TotalTokens);
    }

    [Fact]
    public void Latest_is_filtered_by_cwd()
    {
        var a = ThreadIds.New();
        using (RolloutRecorder.Create(_home, Meta(a, "/project-a")))
        {
        }
        var b = ThreadIds.New();
        using (RolloutRecorder.Create(_home, Meta(b, "/project-b")))
        {
        }
        Assert.EndsWith(a + ".jsonl", RolloutLocator.FindLatest(_home, "/project-a"));
        Assert.EndsWith(b + ".jsonl", RolloutLocator.FindLatest(_home, null));
        Assert.Null(RolloutLocator.FindLatest(_home, "/elsewhere"));
        Assert.Null(RolloutLocator.FindById(_home, Guid.CreateVersion7().ToString()));
    }

    [Fact]
    public void Thread_ids_are_version_7_and_strictly_increasing_within_a_millisecond()
    {
        var ids = Enumerable.Range(0, 2000).Select(_ => ThreadIds.New()).ToList();
        Assert.All(ids, id => Assert.Equal('7', id[14]));
        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Unanswered_calls_get_an_aborted_output_right_after_them()
    {
        ResponseItem[] history =
        [
            MessageItem.User("go"),
            new FunctionCallItem { Name = "exec_command", Arguments = "{}", CallId = "c1" },
            new FunctionCallItem { Name = "exec_command", Arguments = "{}", CallId = "c2" },
            new FunctionCallOutputItem { CallId = "c2", Output = ToolOutputPayload.FromText("done") },
        ];
        var fixedUp = HistoryNormalizer.WithCallOutputs(history);
        Assert.Equal(5, fixedUp.Count);
        var inserted = Assert.IsType<FunctionCallOutputItem>(fixedUp[2]);
        Assert.Equal("c1", inserted.CallId);
        Assert.Equal("aborted", inserted.Output.AsText);
    }
}
