using Cdx.Core.Tools;
using Cdx.Protocol.Items;

namespace Cdx.Core.Session;

/// <summary>Turns model output items into tool calls for the runtime.</summary>
internal static class ToolCallFactory
{
    /// <summary>A `local_shell_call`: the payload is its `action` object as JSON.</summary>
    public static ToolCall FromLocalShell(LocalShellCallItem item)
    {
        var json = ResponseItemJson.ToJson(item);
        var action = json["action"]?.ToJsonString() ?? "{}";
        return new ToolCall(item.CallId ?? item.Id ?? "", "local_shell", ToolCallKind.LocalShell, action);
    }
}
