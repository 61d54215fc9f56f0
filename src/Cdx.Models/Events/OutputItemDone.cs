using Cdx.Protocol.Items;

namespace Cdx.Models;

/// <summary>`response.output_item.done`: a complete item, the only source of history items and tool calls.</summary>
public sealed record OutputItemDone(ResponseItem Item) : ModelEvent;
