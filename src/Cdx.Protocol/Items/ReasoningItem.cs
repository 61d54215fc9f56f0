using System.Text.Json;

namespace Cdx.Protocol.Items;

/// <summary>A `reasoning` item; resent exactly as received (summary, content, encrypted content).</summary>
public sealed record ReasoningItem : ResponseItem
{
    /// <summary>The `summary_text` parts, in order.</summary>
    public IReadOnlyList<string> Summary { get; init; } = [];

    /// <summary>The raw `content` value as received (null, or an array of reasoning_text/text parts).</summary>
    public JsonElement? Content { get; init; }

    /// <summary>Opaque encrypted reasoning the server asked us to send back.</summary>
    public string? EncryptedContent { get; init; }

    /// <summary>The text of the raw reasoning content parts (gpt-oss style), or null when there is none.</summary>
    public string? ContentText
    {
        get
        {
            if (Content is not { ValueKind: JsonValueKind.Array } array)
            {
                return null;
            }
            var parts = array.EnumerateArray()
                .Where(static p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                .Select(static p => p.GetProperty("text").GetString())
                .ToList();
            return parts.Count == 0 ? null : string.Concat(parts);
        }
    }
}
