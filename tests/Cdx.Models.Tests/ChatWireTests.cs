using System.Text.Json.Nodes;
using Cdx.Protocol.Items;
using Cdx.Testing;
using static Cdx.Models.Tests.ModelTestSupport;

namespace Cdx.Models.Tests;

public sealed class ChatWireTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Chat_text_answer_streams_deltas_and_yields_one_assistant_message()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("Hello from chat"));

        var (events, error) = await RunAsync(new ModelClient(Provider(server, wire: WireApi.Chat)), Request());

        Assert.Null(error);
        Assert.Equal("/v1/chat/completions", Assert.Single(server.Requests).Path);
        Assert.Equal("Hello from chat", Assert.IsType<MessageItem>(Assert.Single(events.Done())).Text);
        Assert.Equal("Hello from chat", string.Concat(events.OfType<OutputTextDelta>().Select(d => d.Delta)));
        Assert.IsType<Completed>(events[^1]);
    }

    [Fact]
    public async Task Chat_tool_call_fragments_are_joined_into_a_function_call_item()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Reply(
            ScriptedItem.Reasoning("need to list"),
            ScriptedItem.FunctionCall("exec_command", """{"cmd":"ls -la"}""", "call_1"),
            ScriptedItem.FunctionCall("exec_command", """{"cmd":"pwd"}""", "call_2")).WithUsage(7, 0, 3, 0));

        var (events, error) = await RunAsync(new ModelClient(Provider(server, wire: WireApi.Chat)), Request());

        Assert.Null(error);
        Assert.Collection(events.Done(),
            i => Assert.Equal("need to list", Assert.IsType<ReasoningItem>(i).ContentText),
            i => Assert.Equal(("call_1", """{"cmd":"ls -la"}"""), (Assert.IsType<FunctionCallItem>(i).CallId, ((FunctionCallItem)i).Arguments)),
            i => Assert.Equal(("call_2", """{"cmd":"pwd"}"""), (Assert.IsType<FunctionCallItem>(i).CallId, ((FunctionCallItem)i).Arguments)));
        Assert.Equal(new TokenUsage(7, 0, 0, 3, 0, 10), Assert.IsType<Completed>(events[^1]).Usage);
    }

    [Fact]
    public async Task History_is_mapped_to_chat_messages_with_tool_calls_and_results()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("done"));
        var request = Request(
            MessageItem.Developer("be brief"),
            MessageItem.User("list files"),
            new ReasoningItem { Summary = ["I should run ls"] },
            new FunctionCallItem { Name = "exec_command", Arguments = """{"cmd":"ls"}""", CallId = "call_ls" },
            new FunctionCallOutputItem { CallId = "call_ls", Output = ToolOutputPayload.FromText("a.txt\n") },
            MessageItem.Assistant("There is a.txt"),
            MessageItem.Assistant("There is a.txt"),
            new WebSearchCallItem { Status = "completed" }) with
        { Tools = [ExecTool(), JsonNode.Parse("""{"type":"custom","name":"apply_patch","description":"x"}""")!.AsObject()] };

        await RunAsync(new ModelClient(Provider(server, wire: WireApi.Chat)), request);

        var body = Assert.Single(server.Requests).Json!;
        Assert.Equal(["model", "messages", "stream", "tools"], body.Select(p => p.Key).ToArray());
        Assert.Equal("""
            [{"role":"system","content":"be brief"},{"role":"user","content":"list files"},{"role":"assistant","content":null,"tool_calls":[{"id":"call_ls","type":"function","function":{"name":"exec_command","arguments":"{\"cmd\":\"ls\"}"}}],"reasoning":"I should run ls"},{"role":"tool","tool_call_id":"call_ls","content":"a.txt\n"},{"role":"assistant","content":"There is a.txt"}]
            """.Trim(), body["messages"]!.ToJsonString(Relaxed));
        var tool = Assert.Single(body["tools"]!.AsArray());
        Assert.Equal("""{"type":"function","function":{"name":"exec_command","description":"Runs a command.","parameters":{"type":"object","properties":{"cmd":{"type":"string"}},"required":["cmd"]}}}""",
            tool!.ToJsonString());
    }

    [Fact]
    public async Task Images_in_a_user_message_become_a_content_array()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("a cat"));
        var request = Request(new MessageItem
        {
            Role = "user", Content = [new InputTextContent("what is this?"), new InputImageContent("data:image/png;base64,AA")],
        });

        await RunAsync(new ModelClient(Provider(server, wire: WireApi.Chat)), request);

        Assert.Equal("""[{"type":"text","text":"what is this?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AA"}}]""",
            server.Requests[0].Input[0]!["content"]!.ToJsonString());
    }

    [Fact]
    public async Task Chat_finish_reason_length_is_the_context_window_error()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("cut") with { IncompleteReason = "length" });

        var (_, error) = await RunAsync(new ModelClient(Provider(server, streamRetries: 2, wire: WireApi.Chat)), Request());

        Assert.Equal(ModelErrorText.ContextWindowExceeded, error?.Message);
        Assert.Equal(1, server.ModelRequestCount);
    }

    [Fact]
    public async Task Chat_stream_that_ends_without_done_still_flushes_its_items()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Cut(1, ScriptedItem.Message("partial but whole")));

        var (events, error) = await RunAsync(new ModelClient(Provider(server, wire: WireApi.Chat)), Request());

        Assert.Null(error);
        Assert.Equal("partial but whole", Assert.IsType<MessageItem>(Assert.Single(events.Done())).Text);
    }
}
