using System.Net;
using System.Text;
using Cdx.Testing;

namespace Cdx.Models.Tests;

public sealed class ScriptedModelServerTests
{
    [Fact]
    public async Task Responses_turn_is_served_as_sse_ending_in_response_completed_and_request_is_recorded()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("hello").WithUsage(10, 2, 3, 1));
        using var http = new HttpClient();
        using var content = new StringContent("""{"model":"m","input":[]}""", Encoding.UTF8, "application/json");
        content.Headers.Add("x-test", "1");

        using var response = await http.PostAsync(server.BaseUrl + "/responses?api-version=1", content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"type\":\"response.output_item.done\"", body);
        Assert.Contains("\"type\":\"response.completed\"", body);
        Assert.Contains("\"cached_tokens\":2", body);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/responses", request.Path);
        Assert.Equal("api-version=1", request.Query);
        Assert.Equal("1", request.Header("X-Test"));
        Assert.Equal("m", request.Json!["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Exhausted_script_answers_400_naming_the_request()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(server.BaseUrl + "/responses", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no scripted turn left for request 1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Http_failure_turn_sends_status_headers_and_body()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Http(429, "slow down", ("retry-after", "2")));
        using var http = new HttpClient();

        using var response = await http.PostAsync(server.BaseUrl + "/responses", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("2", response.Headers.GetValues("retry-after").Single());
        Assert.Equal("slow down", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Chat_turn_streams_tool_call_fragments_and_done()
    {
        await using var server = await ScriptedModelServer.StartAsync(
            ScriptedTurn.Reply(ScriptedItem.FunctionCall("exec_command", """{"cmd":"ls"}""", "call_1")));
        using var http = new HttpClient();

        using var response = await http.PostAsync(server.BaseUrl + "/chat/completions", new StringContent("{\"messages\":[]}"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"finish_reason\":\"tool_calls\"", body);
        Assert.Contains("data: [DONE]", body);
        Assert.Contains("\"id\":\"call_1\"", body);
    }
}
