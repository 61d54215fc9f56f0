using System.Text.Json.Nodes;
using Cdx.Protocol.Items;

namespace Cdx.Core.Tools;

public sealed partial class ToolRuntime
{
    /// <summary>
    /// Runs <paramref name="call"/> and returns its output item: <see cref="CustomToolCallOutputItem"/> for
    /// custom calls, <see cref="FunctionCallOutputItem"/> otherwise (an `input_image` array for view_image).
    /// Model-facing failures are outputs; only cancellation and <see cref="TurnAbortedException"/> throw.
    /// </summary>
    public async Task<ResponseItem> ExecuteAsync(ToolCall call, IToolEvents events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(events);
        var output = await RunAsync(call, events, ct).ConfigureAwait(false);
        if (call.Kind == ToolCallKind.Custom)
        {
            return new CustomToolCallOutputItem { CallId = call.CallId, Output = output.Text };
        }
        var payload = output.ImageDataUrl is { } url
            ? ToolOutputPayload.FromContent([new InputImageContent(url, "original")])
            : ToolOutputPayload.FromText(output.Text);
        return new FunctionCallOutputItem { CallId = call.CallId, Output = payload };
    }

    /// <summary>The <see cref="ToolCall"/> for a model output item, or null when the item is not a tool call.</summary>
    public static ToolCall? CallOf(ResponseItem item) => item switch
    {
        FunctionCallItem f => new ToolCall(f.CallId, f.Name, ToolCallKind.Function, f.Arguments),
        CustomToolCallItem c => new ToolCall(c.CallId, c.Name, ToolCallKind.Custom, c.Input),
        LocalShellCallItem l => new ToolCall(l.CallId ?? l.Id ?? "", "local_shell", ToolCallKind.LocalShell, new JsonObject
        {
            ["command"] = new JsonArray(l.Action.Command.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["timeout_ms"] = l.Action.TimeoutMs,
            ["working_directory"] = l.Action.WorkingDirectory,
        }.ToJsonString()),
        _ => null,
    };
}
