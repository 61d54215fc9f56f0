namespace Cdx.Protocol.Items;

/// <summary>A `custom_tool_call` item: a freeform tool call such as apply_patch, with raw string input.</summary>
public sealed record CustomToolCallItem : ResponseItem
{
    /// <summary>Correlates the call with its `custom_tool_call_output`.</summary>
    public required string CallId { get; init; }

    /// <summary>The tool name.</summary>
    public required string Name { get; init; }

    /// <summary>The raw input text (for apply_patch: the patch).</summary>
    public required string Input { get; init; }

    /// <summary>The item status as received (e.g. `completed`), or null.</summary>
    public string? Status { get; init; }
}
