using Cdx.Protocol.Items;

namespace Cdx.Models;

/// <summary>`response.output_item.added`: an item started (UI only; never history).</summary>
public sealed record OutputItemAdded(ResponseItem Item) : ModelEvent;
