using System.Text.Json.Nodes;
using Cdx.Protocol.Items;
using Cdx.Testing;
using static Cdx.Models.Tests.ModelTestSupport;

namespace Cdx.Models.Tests;

public sealed class ResponsesStreamingTests
{
    [Fact]
    public async Task Plain_answer_yields_the_message_item_text_deltas_and_completed()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("Hello there"));
        var client = new ModelClient(Provider(server));

        var (events, error) = await RunAsync(client, Request());

        Assert.Null(error);
        var message = Assert.IsType<MessageItem>(Assert.Single(events.Done()));
        Assert.Equal("Hello there", message.Text);
        Assert.Contains(events, e => e is OutputTextDelta { Delta: "Hello there" });
        Assert.Equal("resp_1", Assert.IsType<Completed>(events[^1]).ResponseId);
    }

    [Fact]
    public async Task Tool_call_items_are_parsed_from_output_item_done_in_order()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Reply(
            ScriptedItem.Reasoning("thinking", "ENC", id: "rs_1"),
            ScriptedItem.FunctionCall("exec_command", """{"cmd":"ls"}""", "call_ls", id: "fc_1"),
            ScriptedItem.CustomToolCall("apply_patch", "*** Begin Patch\n*** End Patch\n", "call_patch")));
        var client = new ModelClient(Provider(server));

        var (events, error) = await RunAsync(client, Request());

        Assert.Null(error);
        Assert.Collection(events.Done(),
            i => Assert.Equal("ENC", Assert.IsType<ReasoningItem>(i).EncryptedContent),
            i =>
            {
                var call = Assert.IsType<FunctionCallItem>(i);
                Assert.Equal(("exec_command", """{"cmd":"ls"}""", "call_ls", "fc_1"), (call.Name, call.Arguments, call.CallId, call.Id));
            },
            i => Assert.Equal("apply_patch", Assert.IsType<CustomToolCallItem>(i).Name));
        Assert.Contains(events, e => e is ReasoningSummaryDelta { Delta: "thinking" });
    }

    [Fact]
    public async Task Usage_maps_cached_and_reasoning_tokens()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("ok").WithUsage(100, 20, 30, 5));
        var client = new ModelClient(Provider(server));

        var (events, _) = await RunAsync(client, Request());

        Assert.Equal(new TokenUsage(100, 20, 0, 30, 5, 130), Assert.IsType<Completed>(events[^1]).Usage);
    }

    [Fact]
    public async Task Missing_usage_gives_null_usage()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("ok"));

        var (events, _) = await RunAsync(new ModelClient(Provider(server)), Request());

        Assert.Null(Assert.IsType<Completed>(events[^1]).Usage);
    }

    [Fact]
    public async Task Request_body_has_codex_field_order_and_rules()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("ok"));
        var request = Request(MessageItem.Developer("base"), MessageItem.User("do it")) with
        {
            Tools = [ExecTool()],
            Reasoning = new JsonObject { ["effort"] = "medium" },
            Text = new JsonObject { ["verbosity"] = "low" },
        };

        await RunAsync(new ModelClient(Provider(server)), request);

        var body = Assert.Single(server.Requests).Json!;
        Assert.Equal(
            ["model", "stream", "input", "tools", "tool_choice", "parallel_tool_calls", "reasoning", "store", "include", "prompt_cache_key", "text"],
            body.Select(p => p.Key).ToArray());
        Assert.Equal("""["reasoning.encrypted_content"]""", body["include"]!.ToJsonString());
        Assert.False(body["store"]!.GetValue<bool>());
        Assert.Equal("0199-thread", body["prompt_cache_key"]!.GetValue<string>());
        Assert.Equal("""{"type":"message","role":"developer","content":[{"type":"input_text","text":"base"}]}""", body["input"]![0]!.ToJsonString());
    }

    [Fact]
    public async Task Without_reasoning_include_is_empty_and_reasoning_is_omitted()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("ok"));

        await RunAsync(new ModelClient(Provider(server)), Request());

        var body = Assert.Single(server.Requests).Json!;
        Assert.Equal("[]", body["include"]!.ToJsonString());
        Assert.Null(body["reasoning"]);
        Assert.Null(body["text"]);
    }

    [Fact]
    public async Task Headers_carry_auth_originator_session_and_provider_extras_and_query_params()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("ok"));
        var provider = Provider(server) with
        {
            Headers = new Dictionary<string, string> { ["X-Extra"] = "1" },
            QueryParams = new Dictionary<string, string> { ["api-version"] = "2025-04-01-preview" },
        };

        await RunAsync(new ModelClient(provider), Request());

        var r = Assert.Single(server.Requests);
        Assert.Equal("/v1/responses", r.Path);
        Assert.Equal("api-version=2025-04-01-preview", r.Query);
        Assert.Equal("Bearer test-key", r.Header("authorization"));
        Assert.Equal("text/event-stream", r.Header("accept"));
        Assert.Equal("codex_exec", r.Header("originator"));
        Assert.StartsWith("codex_exec/", r.Header("user-agent"));
        Assert.Equal("0199-thread", r.Header("session-id"));
        Assert.Equal("0199-thread", r.Header("thread-id"));
        Assert.Equal("1", r.Header("x-extra"));
        Assert.Null(r.Header("version"));
    }

    [Fact]
    public async Task Azure_provider_sends_store_true()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("ok"));

        await RunAsync(new ModelClient(Provider(server) with { IsAzure = true }), Request());

        Assert.True(Assert.Single(server.Requests).Json!["store"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Rate_limit_headers_are_reported()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("ok")
            .WithHeader("x-codex-primary-used-percent", "12.5")
            .WithHeader("x-codex-primary-window-minutes", "300")
            .WithHeader("x-codex-secondary-used-percent", "0"));
        var client = new ModelClient(Provider(server));

        var (events, _) = await RunAsync(client, Request());

        var update = Assert.Single(events.OfType<RateLimitsUpdated>());
        Assert.Equal(new RateLimitWindow(12.5, 300, null), update.Snapshot.Primary);
        Assert.Null(update.Snapshot.Secondary);
        Assert.Same(update.Snapshot, client.LastRateLimits);
    }

    [Fact]
    public async Task Context_window_failure_is_final_with_codex_text()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.ResponseFailed("context_length_exceeded", "too long"));

        var (_, error) = await RunAsync(new ModelClient(Provider(server, streamRetries: 3)), Request());

        Assert.NotNull(error);
        Assert.Equal(ModelErrorText.ContextWindowExceeded, error.Message);
        Assert.True(error.IsContextWindowExceeded);
        Assert.Equal(1, server.ModelRequestCount);
    }
}
