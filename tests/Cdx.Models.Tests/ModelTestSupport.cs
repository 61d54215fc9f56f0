using System.Text.Json.Nodes;
using Cdx.Protocol.Items;
using Cdx.Testing;

namespace Cdx.Models.Tests;

/// <summary>Shared helpers: a provider pointing at a scripted server and a way to run one request to the end.</summary>
internal static class ModelTestSupport
{
    public static ProviderInfo Provider(ScriptedModelServer server, int requestRetries = 0, int streamRetries = 0,
        TimeSpan? idle = null, WireApi wire = WireApi.Responses) => new()
    {
        Id = "mock",
        Name = "mock",
        BaseUrl = server.BaseUrl,
        ApiKey = "test-key",
        WireApi = wire,
        RequestMaxRetries = requestRetries,
        StreamMaxRetries = streamRetries,
        StreamIdleTimeout = idle ?? TimeSpan.FromSeconds(30),
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
    };

    public static ModelRequest Request(params ResponseItem[] input) => new()
    {
        Model = "gpt-5.5",
        Input = input.Length == 0 ? [MessageItem.User("hi")] : input,
        Tools = [],
        ThreadId = "0199-thread",
        TurnId = "turn-1",
    };

    public static JsonObject ExecTool() => JsonNode.Parse("""
        {"type":"function","name":"exec_command","description":"Runs a command.","strict":false,
         "parameters":{"type":"object","properties":{"cmd":{"type":"string"}},"required":["cmd"]}}
        """)!.AsObject();

    public static async Task<(List<ModelEvent> Events, ModelTurnException? Error)> RunAsync(ModelClient client, ModelRequest request)
    {
        var events = new List<ModelEvent>();
        try
        {
            await foreach (var e in client.StreamAsync(request, CancellationToken.None))
            {
                events.Add(e);
            }
            return (events, null);
        }
        catch (ModelTurnException e)
        {
            return (events, e);
        }
    }

    public static List<ResponseItem> Done(this List<ModelEvent> events) =>
        events.OfType<OutputItemDone>().Select(static d => d.Item).ToList();
}
