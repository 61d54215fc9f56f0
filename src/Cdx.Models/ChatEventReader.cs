using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cdx.Protocol.Items;

namespace Cdx.Models;

/// <summary>
/// Reads chat.completion.chunk SSE (spec §6): text and reasoning accumulate into one message and one reasoning item;
/// tool calls accumulate per index (or id); items are emitted at the finish, Completed at `[DONE]` or stream end.
/// </summary>
internal sealed class ChatEventReader : IStreamEventReader
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _reasoning = new();
    private readonly List<PendingCall> _calls = [];
    private string _responseId = string.Empty;
    private TokenUsage? _usage;
    private bool _flushed;

    public bool IsComplete { get; private set; }

    public IEnumerable<ModelEvent> Handle(string data)
    {
        if (data.Trim() == "[DONE]")
        {
            return Finish();
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(data);
        }
        catch (JsonException)
        {
            return [];
        }
        using (doc)
        {
            return HandleChunk(doc.RootElement);
        }
    }

    public IEnumerable<ModelEvent> Finish()
    {
        if (IsComplete)
        {
            return [];
        }
        var events = Flush();
        events.Add(new Completed(_responseId, _usage));
        IsComplete = true;
        return events;
    }

    private List<ModelEvent> HandleChunk(JsonElement chunk)
    {
        if (ResponsesEventReader.Prop(chunk, "error") is { ValueKind: JsonValueKind.Object } error)
        {
            var message = ResponsesEventReader.Str(error, "message") ?? error.GetRawText();
            throw new ModelAttemptException(ModelErrorText.StreamDisconnectedPrefix + message, retryable: true, RetryTiming.FromText(message));
        }
        _responseId = ResponsesEventReader.Str(chunk, "id") ?? _responseId;
        if (ResponsesEventReader.Prop(chunk, "usage") is { ValueKind: JsonValueKind.Object } usage)
        {
            _usage = ReadUsage(usage);
        }
        var events = new List<ModelEvent>();
        if (ResponsesEventReader.Prop(chunk, "choices") is not { ValueKind: JsonValueKind.Array } choices)
        {
            return events;
        }
        foreach (var choice in choices.EnumerateArray())
        {
            AppendDelta(ResponsesEventReader.Prop(choice, "delta"), events);
            switch (ResponsesEventReader.Str(choice, "finish_reason"))
            {
                case "length":
                    throw new ModelAttemptException(ModelErrorText.ContextWindowExceeded, retryable: false);
                case { } _:
                    events.AddRange(Flush());
                    break;
            }
        }
        return events;
    }

    private void AppendDelta(JsonElement delta, List<ModelEvent> events)
    {
        if (delta.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        var content = ResponsesEventReader.Prop(delta, "content");
        var text = content.ValueKind == JsonValueKind.String ? content.GetString()
            : content.ValueKind == JsonValueKind.Array ? string.Concat(content.EnumerateArray().Select(static p => ResponsesEventReader.Str(p, "text")))
            : null;
        if (!string.IsNullOrEmpty(text))
        {
            _text.Append(text);
            events.Add(new OutputTextDelta(text));
        }
        foreach (var field in new[] { "reasoning", "reasoning_content" })
        {
            var r = ResponsesEventReader.Prop(delta, field);
            var reasoning = r.ValueKind == JsonValueKind.String ? r.GetString()
                : ResponsesEventReader.Str(r, "text") ?? ResponsesEventReader.Str(r, "content");
            if (!string.IsNullOrEmpty(reasoning))
            {
                _reasoning.Append(reasoning);
                events.Add(new ReasoningContentDelta(reasoning));
            }
        }
        if (ResponsesEventReader.Prop(delta, "tool_calls") is { ValueKind: JsonValueKind.Array } calls)
        {
            foreach (var call in calls.EnumerateArray())
            {
                AppendToolCall(call);
            }
        }
    }

    private void AppendToolCall(JsonElement call)
    {
        var id = ResponsesEventReader.Str(call, "id");
        int? index = ResponsesEventReader.Prop(call, "index") is { ValueKind: JsonValueKind.Number } i ? i.GetInt32() : null;
        var pending = _calls.FirstOrDefault(c => (index is not null && c.Index == index) || (id is not null && c.Id == id));
        if (pending is null)
        {
            pending = new PendingCall { Index = index, Id = id };
            _calls.Add(pending);
        }
        pending.Id ??= id;
        var function = ResponsesEventReader.Prop(call, "function");
        if (string.IsNullOrEmpty(pending.Name) && ResponsesEventReader.Str(function, "name") is { Length: > 0 } name)
        {
            pending.Name = name;
        }
        pending.Arguments.Append(ResponsesEventReader.Str(function, "arguments"));
    }

    private List<ModelEvent> Flush()
    {
        var events = new List<ModelEvent>();
        if (_flushed)
        {
            return events;
        }
        _flushed = true;
        if (_reasoning.Length > 0)
        {
            var content = new JsonArray(new JsonObject { ["type"] = "reasoning_text", ["text"] = _reasoning.ToString() });
            using var doc = JsonDocument.Parse(content.ToJsonString());
            events.Add(new OutputItemDone(new ReasoningItem { Content = doc.RootElement.Clone() }));
        }
        if (_text.Length > 0)
        {
            events.Add(new OutputItemDone(MessageItem.Assistant(_text.ToString())));
        }
        var n = 0;
        foreach (var call in _calls.Where(static c => !string.IsNullOrEmpty(c.Name)))
        {
            events.Add(new OutputItemDone(new FunctionCallItem
            {
                Name = call.Name!, Arguments = call.Arguments.ToString(), CallId = call.Id ?? $"tool-call-{n}",
            }));
            n++;
        }
        return events;
    }

    // Chat servers that report usage (stream_options.include_usage) get it mapped; Codex ignores it.
    private static TokenUsage ReadUsage(JsonElement usage)
    {
        static long L(JsonElement o, string n) => ResponsesEventReader.Prop(o, n) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var x) ? x : 0;
        var input = L(usage, "prompt_tokens");
        var output = L(usage, "completion_tokens");
        return new TokenUsage(input, L(ResponsesEventReader.Prop(usage, "prompt_tokens_details"), "cached_tokens"), 0, output,
            L(ResponsesEventReader.Prop(usage, "completion_tokens_details"), "reasoning_tokens"),
            usage.TryGetProperty("total_tokens", out _) ? L(usage, "total_tokens") : input + output);
    }

    private sealed class PendingCall
    {
        public int? Index { get; init; }
        public string? Id { get; set; }
        public string? Name { get; set; }
        public StringBuilder Arguments { get; } = new();
    }
}
