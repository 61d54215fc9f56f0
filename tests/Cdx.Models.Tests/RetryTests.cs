using Cdx.Protocol.Items;
using Cdx.Testing;
using static Cdx.Models.Tests.ModelTestSupport;

namespace Cdx.Models.Tests;

public sealed class RetryTests
{
    [Fact]
    public async Task Rate_limit_with_retry_after_waits_and_resends_identical_input()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ScriptedTurn.Http(429, """{"error":{"message":"Rate limit reached"}}""", ("retry-after", "0.3")),
            ScriptedTurn.Text("ok"));

        var (events, error) = await RunAsync(new ModelClient(Provider(server, requestRetries: 4, streamRetries: 5)), Request());

        Assert.Null(error);
        Assert.Equal(2, server.ModelRequestCount);
        var reconnect = Assert.Single(events.OfType<Reconnecting>());
        Assert.Equal("Reconnecting... 1/5 (exceeded retry limit, last status: 429 Too Many Requests)", reconnect.Message);
        var requests = server.Requests;
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(250), "the retry-after hint was not honoured");
    }

    [Fact]
    public async Task Rate_limit_without_hint_fails_at_once_with_codex_text()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ScriptedTurn.Http(429, """{"error":{"message":"Rate limit reached"}}"""), ScriptedTurn.Text("never"));

        var (events, error) = await RunAsync(new ModelClient(Provider(server, requestRetries: 4, streamRetries: 5)), Request());

        Assert.NotNull(error);
        Assert.Equal("exceeded retry limit, last status: 429 Too Many Requests", error.Message);
        Assert.Equal(1, server.ModelRequestCount);
        Assert.Empty(events.OfType<Reconnecting>());
    }

    [Fact]
    public async Task Rate_limit_with_try_again_hint_in_the_body_is_retried_unlike_codex()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ScriptedTurn.Http(429, """{"error":{"message":"Rate limit reached. Please try again in 20ms."}}"""),
            ScriptedTurn.Text("ok"));

        var (_, error) = await RunAsync(new ModelClient(Provider(server, streamRetries: 2)), Request());

        Assert.Null(error);
        Assert.Equal(2, server.ModelRequestCount);
    }

    [Fact]
    public async Task Server_errors_exhaust_both_layers_then_fail_with_high_demand_text()
    {
        await using var server = await ScriptedModelServer.StartAsync([], ScriptedTurn.Http(500, "boom"));

        var (events, error) = await RunAsync(new ModelClient(Provider(server, requestRetries: 2, streamRetries: 1)), Request());

        Assert.NotNull(error);
        Assert.Equal("We\u2019re currently experiencing high demand, which may cause temporary errors.", error.Message);
        Assert.Equal((2 + 1) * (1 + 1), server.ModelRequestCount);
        Assert.Equal(["Reconnecting... 1/1 (We\u2019re currently experiencing high demand, which may cause temporary errors.)"],
            events.OfType<Reconnecting>().Select(r => r.Message));
    }

    [Fact]
    public async Task Server_error_then_success_is_recovered_by_the_http_layer_without_a_notice()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Http(503), ScriptedTurn.Text("ok"));

        var (events, error) = await RunAsync(new ModelClient(Provider(server, requestRetries: 1)), Request());

        Assert.Null(error);
        Assert.Empty(events.OfType<Reconnecting>());
        Assert.Equal(2, server.ModelRequestCount);
    }

    [Fact]
    public async Task Stream_cut_mid_item_keeps_completed_items_and_resends_them()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ScriptedTurn.Cut(1, ScriptedItem.Reasoning("plan", id: "rs_1"), ScriptedItem.Message("partial answer")),
            ScriptedTurn.Text("final"));

        var (events, error) = await RunAsync(new ModelClient(Provider(server, streamRetries: 2)), Request(MessageItem.User("q")));

        Assert.Null(error);
        Assert.Collection(events.Done(),
            i => Assert.IsType<ReasoningItem>(i),
            i => Assert.Equal("final", Assert.IsType<MessageItem>(i).Text));
        Assert.Equal("Reconnecting... 1/2 (stream disconnected before completion: stream closed before response.completed)",
            Assert.Single(events.OfType<Reconnecting>()).Message);
        var retried = server.Requests[1].Input;
        Assert.Equal(2, retried.Count);
        Assert.Equal("reasoning", retried[1]!["type"]!.GetValue<string>());
        Assert.Equal("rs_1", retried[1]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stream_closed_without_completed_fails_after_retries_with_codex_text()
    {
        await using var server = await ScriptedModelServer.StartAsync([], ScriptedTurn.Cut(0));

        var (_, error) = await RunAsync(new ModelClient(Provider(server, streamRetries: 1)), Request());

        Assert.Equal("stream disconnected before completion: stream closed before response.completed", error?.Message);
        Assert.Equal(2, server.ModelRequestCount);
    }

    [Fact]
    public async Task Idle_stream_times_out_and_is_retried()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ScriptedTurn.Stall(0, ScriptedItem.Message("never")), ScriptedTurn.Text("after stall"));

        var (events, error) = await RunAsync(
            new ModelClient(Provider(server, streamRetries: 1, idle: TimeSpan.FromMilliseconds(300))), Request());

        Assert.Null(error);
        Assert.Equal("Reconnecting... 1/1 (stream disconnected before completion: idle timeout waiting for SSE)",
            Assert.Single(events.OfType<Reconnecting>()).Message);
        Assert.Equal("after stall", Assert.IsType<MessageItem>(Assert.Single(events.Done())).Text);
    }

    [Fact]
    public async Task Idle_timeout_without_retries_fails_with_idle_text()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Stall(0));

        var (_, error) = await RunAsync(new ModelClient(Provider(server, idle: TimeSpan.FromMilliseconds(200))), Request());

        Assert.Equal("stream disconnected before completion: idle timeout waiting for SSE", error?.Message);
    }

    [Fact]
    public async Task Bad_request_body_is_passed_through_verbatim_and_not_retried()
    {
        const string body = """{"error": {"message": "Invalid 'input[3]'", "type": "invalid_request_error", "param": null}}""";
        await using var server = await ScriptedModelServer.StartAsync([], ScriptedTurn.Http(400, body));

        var (_, error) = await RunAsync(new ModelClient(Provider(server, requestRetries: 3, streamRetries: 3)), Request());

        Assert.Equal(body, error?.Message);
        Assert.Equal(400, error?.HttpStatus);
        Assert.Equal(1, server.ModelRequestCount);
    }

    [Fact]
    public async Task Unauthorized_is_retried_by_the_stream_layer_and_names_the_url()
    {
        await using var server = await ScriptedModelServer.StartAsync([],
            ScriptedTurn.Http(401, """{"error":{"message":"Incorrect API key provided"}}"""));

        var (_, error) = await RunAsync(new ModelClient(Provider(server, requestRetries: 2, streamRetries: 1)), Request());

        Assert.Equal($"unexpected status 401 Unauthorized: Incorrect API key provided, url: {server.BaseUrl}/responses", error?.Message);
        Assert.Equal(2, server.ModelRequestCount);
    }

    [Fact]
    public async Task Generic_response_failed_is_retried_then_reported_as_stream_disconnect()
    {
        await using var server = await ScriptedModelServer.StartAsync([], ScriptedTurn.ResponseFailed("server_error", "upstream broke"));

        var (_, error) = await RunAsync(new ModelClient(Provider(server, streamRetries: 1)), Request());

        Assert.Equal("stream disconnected before completion: upstream broke", error?.Message);
        Assert.Equal(2, server.ModelRequestCount);
    }

    [Fact]
    public async Task Refused_connection_fails_after_retries_with_connection_text()
    {
        string baseUrl;
        await using (var server = await ScriptedModelServer.StartAsync())
        {
            baseUrl = server.BaseUrl;
        }
        var provider = new ProviderInfo
        {
            Id = "mock", Name = "mock", BaseUrl = baseUrl, RequestMaxRetries = 1, StreamMaxRetries = 0,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        };

        var (_, error) = await RunAsync(new ModelClient(provider), Request());

        Assert.Equal($"Connection failed: error sending request for url ({baseUrl}/responses)", error?.Message);
    }
}
