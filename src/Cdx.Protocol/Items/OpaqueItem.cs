using System.Text.Json.Nodes;

namespace Cdx.Protocol.Items;

/// <summary>An item cdx keeps but does not interpret (compaction and similar): resent exactly as received.</summary>
public sealed record OpaqueItem : ResponseItem
{
    /// <summary>The item exactly as received, including its `type`.</summary>
    public required JsonObject Raw { get; init; }

    /// <summary>The item's `type` value.</summary>
    public string Type => Raw["type"]?.GetValue<string>() ?? string.Empty;
}
