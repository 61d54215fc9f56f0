namespace Cdx.Protocol.Items;

/// <summary>A `custom_tool_call_output` item: the result of a freeform tool call.</summary>
public sealed record CustomToolCallOutputItem : ResponseItem
{
    /// <summary>The call this output answers.</summary>
    public required string CallId { get; init; }

    /// <summary>The output text (for array-shaped outputs: the concatenated text parts).</summary>
    public required string Output { get; init; }

    /// <summary>When set, the output is serialized as this array of content items instead of the Output string.</summary>
    public IReadOnlyList<ContentItem>? OutputContent { get; init; }
}
