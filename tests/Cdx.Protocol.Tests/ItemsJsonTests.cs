using System.Text.Json;
using System.Text.Json.Nodes;
using Cdx.Protocol;
using Cdx.Protocol.Items;

namespace Cdx.Protocol.Tests;

public sealed class ItemsJsonTests
{
    // Wire lines in the exact shape and field order Codex 0.169 sends (spec model-protocol.md §3 and captures).
    [Theory]
    [InlineData("""{"type":"message","role":"user","content":[{"type":"input_text","text":"hi"}]}""")]
    [InlineData("""{"type":"message","id":"msg_1","role":"assistant","content":[{"type":"output_text","text":"héllo ✓"}],"phase":"final_answer"}""")]
    [InlineData("""{"type":"message","role":"user","content":[{"type":"input_text","text":"<image>"},{"type":"input_image","image_url":"data:image/png;base64,AAA","detail":"original"}]}""")]
    [InlineData("""{"type":"message","role":"developer","content":[{"type":"input_text","text":"a"},{"type":"input_text","text":"b"}]}""")]
    [InlineData("""{"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"**Planning** I will run echo."}],"content":null,"encrypted_content":"gAAAAENC"}""")]
    [InlineData("""{"type":"reasoning","id":"rs_2","summary":[],"content":[{"type":"reasoning_text","text":"think"}],"encrypted_content":null}""")]
    [InlineData("""{"type":"function_call","id":"fc_1","name":"exec_command","arguments":"{\"cmd\":\"echo hi\"}","call_id":"call_A"}""")]
    [InlineData("""{"type":"function_call_output","id":"fco_1","call_id":"call_A","output":"Chunk ID: 0cf73d\nOutput:\nhi\n"}""")]
    [InlineData("""{"type":"function_call_output","call_id":"call_img","output":[{"type":"input_text","text":"see"},{"type":"input_image","image_url":"data:image/png;base64,QQ=="}]}""")]
    [InlineData("""{"type":"custom_tool_call","id":"ctc_1","status":"completed","call_id":"call_patch","name":"apply_patch","input":"*** Begin Patch\n*** End Patch\n"}""")]
    [InlineData("""{"type":"custom_tool_call","call_id":"c","name":"apply_patch","input":"x"}""")]
    [InlineData("""{"type":"custom_tool_call_output","id":"ctco_1","call_id":"call_patch","output":"Exit code: 0\n"}""")]
    [InlineData("""{"type":"custom_tool_call_output","call_id":"call_exec","output":[{"type":"input_text","text":"Script completed\n"},{"type":"input_text","text":"x"}]}""")]
    [InlineData("""{"type":"local_shell_call","id":"lsh_1","call_id":"call_ls","status":"completed","action":{"type":"exec","command":["ls","-la"],"timeout_ms":1000,"working_directory":"/tmp","env":{"A":"1"},"user":null}}""")]
    [InlineData("""{"type":"local_shell_call","call_id":"call_ls","status":"in_progress","action":{"type":"exec","command":["pwd"],"timeout_ms":null,"working_directory":null,"env":null,"user":null}}""")]
    [InlineData("""{"type":"web_search_call","id":"ws_1","status":"completed","action":{"type":"search","query":"weather"}}""")]
    [InlineData("""{"type":"compaction","encrypted_content":"ENC","weird":[1,{"b":2}]}""")]
    public void Every_item_kind_round_trips_byte_for_byte(string wire)
    {
        var item = ResponseItemJson.Parse(wire);

        Assert.NotNull(item);
        Assert.Equal(wire, ResponseItemJson.ToJsonString(item));
    }

    [Fact]
    public void Function_call_output_reads_a_string_or_an_array()
    {
        var text = Assert.IsType<FunctionCallOutputItem>(ResponseItemJson.Parse(
            """{"type":"function_call_output","call_id":"c1","output":"plain"}"""));
        var array = Assert.IsType<FunctionCallOutputItem>(ResponseItemJson.Parse(
            """{"type":"function_call_output","call_id":"c2","output":[{"type":"input_text","text":"a"},{"type":"input_image","image_url":"u"}]}"""));

        Assert.Equal("plain", text.Output.Text);
        Assert.Null(text.Output.Content);
        Assert.NotNull(array.Output.Content);
        Assert.Equal([new InputTextContent("a"), new InputImageContent("u")], array.Output.Content);
        Assert.Equal("a", array.Output.AsText);
    }

    [Fact]
    public void Tool_output_with_content_is_written_as_an_array_and_text_as_a_string()
    {
        var asText = new FunctionCallOutputItem { CallId = "c", Output = ToolOutputPayload.FromText("out") };
        var asArray = new FunctionCallOutputItem
        {
            CallId = "c", Output = ToolOutputPayload.FromContent([new InputTextContent("t")]),
        };

        Assert.Equal("""{"type":"function_call_output","call_id":"c","output":"out"}""", ResponseItemJson.ToJsonString(asText));
        Assert.Equal("""{"type":"function_call_output","call_id":"c","output":[{"type":"input_text","text":"t"}]}""",
            ResponseItemJson.ToJsonString(asArray));
    }

    [Theory]
    [InlineData("""{"type":"ghost_snapshot","ghost_commit":{}}""")]
    [InlineData("""{"type":"something_new","x":1}""")]
    [InlineData("""{"no_type":true}""")]
    [InlineData("""{"type":"function_call","name":"x"}""")]
    [InlineData("[1,2]")]
    public void Unknown_or_malformed_items_are_dropped(string wire)
    {
        Assert.Null(ResponseItemJson.Parse(wire));
    }

    [Fact]
    public void Read_array_keeps_known_items_in_order_and_drops_unknown_ones()
    {
        using var doc = JsonDocument.Parse("""
            [{"type":"message","role":"user","content":[{"type":"input_text","text":"q"}]},
             {"type":"mystery"},
             {"type":"function_call","name":"f","arguments":"{}","call_id":"c"}]
            """);

        var items = ResponseItemJson.ReadArray(doc.RootElement);

        Assert.Collection(items,
            i => Assert.Equal("q", Assert.IsType<MessageItem>(i).Text),
            i => Assert.Equal("c", Assert.IsType<FunctionCallItem>(i).CallId));
    }

    [Fact]
    public void Reasoning_is_resent_exactly_including_encrypted_content_and_raw_content()
    {
        const string wire = """{"type":"reasoning","id":"rs_9","summary":[{"type":"summary_text","text":"one"},{"type":"summary_text","text":"two"}],"content":[{"type":"text","text":"raw"}],"encrypted_content":"gAAAA=="}""";

        var item = Assert.IsType<ReasoningItem>(ResponseItemJson.Parse(wire));

        Assert.Equal(["one", "two"], item.Summary);
        Assert.Equal("gAAAA==", item.EncryptedContent);
        Assert.Equal("raw", item.ContentText);
        Assert.Equal(wire, ResponseItemJson.ToJsonString(item));
    }

    [Fact]
    public void Reasoning_without_content_or_encrypted_content_writes_nulls_like_codex()
    {
        var item = new ReasoningItem { Id = "rs_1", Summary = ["s"] };

        Assert.Equal("""{"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"s"}],"content":null,"encrypted_content":null}""",
            ResponseItemJson.ToJsonString(item));
    }

    [Fact]
    public void Function_call_arguments_sent_as_an_object_are_kept_as_json_text()
    {
        var call = Assert.IsType<FunctionCallItem>(ResponseItemJson.Parse(
            """{"type":"function_call","name":"f","arguments":{"a":1},"call_id":"c"}"""));

        Assert.Equal("""{"a":1}""", call.Arguments);
    }

    [Fact]
    public void Compaction_summary_alias_is_kept_opaque_with_its_original_type()
    {
        var item = Assert.IsType<OpaqueItem>(ResponseItemJson.Parse(
            """{"type":"compaction_summary","id":"cmp_1","encrypted_content":"E"}"""));

        Assert.Equal("cmp_1", item.Id);
        Assert.Equal("compaction_summary", item.Type);
        Assert.Equal("compaction_summary", ResponseItemJson.TypeOf(item));
    }

    [Fact]
    public void To_json_returns_an_object_with_codex_field_order()
    {
        var item = new FunctionCallItem { Id = "fc_1", Name = "n", Arguments = "{}", CallId = "c" };

        JsonObject obj = ResponseItemJson.ToJson(item);

        Assert.Equal(["type", "id", "name", "arguments", "call_id"], obj.Select(p => p.Key).ToArray());
    }

    [Fact]
    public void String_message_content_is_accepted_on_read()
    {
        var message = Assert.IsType<MessageItem>(ResponseItemJson.Parse("""{"type":"message","role":"assistant","content":"done"}"""));

        Assert.Equal([new OutputTextContent("done")], message.Content);
    }

    [Fact]
    public void Token_usage_adds_field_by_field_and_serializes_with_snake_case_names()
    {
        var total = new TokenUsage(100, 20, 1, 30, 5, 130) + new TokenUsage(10, 2, 0, 3, 1, 13);

        Assert.Equal(new TokenUsage(110, 22, 1, 33, 6, 143), total);
        Assert.Equal(total, TokenUsage.Zero + total);
        Assert.Equal(
            """{"input_tokens":110,"cached_input_tokens":22,"cache_write_input_tokens":1,"output_tokens":33,"reasoning_output_tokens":6,"total_tokens":143}""",
            JsonSerializer.Serialize(total, ProtocolJsonContext.Default.TokenUsage));
    }
}
