namespace Cdx.Core.Tools;

/// <summary>One tool call from the model.</summary>
/// <param name="CallId">The call id the output must carry.</param>
/// <param name="Name">The tool name.</param>
/// <param name="Kind">Function, custom or local shell.</param>
/// <param name="Payload">The arguments JSON (function, local shell action) or the raw custom input.</param>
public sealed record ToolCall(string CallId, string Name, ToolCallKind Kind, string Payload);
