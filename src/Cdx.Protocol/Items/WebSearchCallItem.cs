using System.Text.Json;

namespace Cdx.Protocol.Items;

/// <summary>A hosted `web_search_call` item, resent as received.</summary>
public sealed record WebSearchCallItem : ResponseItem
{
    /// <summary>The status as received, or null.</summary>
    public string? Status { get; init; }

    /// <summary>The raw `action` object (search / open_page / find_in_page / other), or null.</summary>
    public JsonElement? Action { get; init; }
}
