using System.Text.Json;

namespace Cdx.Protocol.Items;

public static partial class ResponseItemJson
{
    /// <summary>Writes a tool output: a string, or an array when the payload has content items.</summary>
    public static void WriteOutput(Utf8JsonWriter w, ToolOutputPayload output)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(output);
        if (output.Content is { } content)
        {
            WriteContentArray(w, content);
        }
        else
        {
            w.WriteStringValue(output.Text ?? string.Empty);
        }
    }

    /// <summary>Writes content items as a JSON array.</summary>
    public static void WriteContentArray(Utf8JsonWriter w, IEnumerable<ContentItem> content)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartArray();
        foreach (var part in content)
        {
            WriteContent(w, part);
        }
        w.WriteEndArray();
    }

    /// <summary>Writes one content item.</summary>
    public static void WriteContent(Utf8JsonWriter w, ContentItem part)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        switch (part)
        {
            case InputTextContent t:
                w.WriteString("type", "input_text");
                w.WriteString("text", t.Text);
                break;
            case OutputTextContent t:
                w.WriteString("type", "output_text");
                w.WriteString("text", t.Text);
                break;
            case InputImageContent i:
                w.WriteString("type", "input_image");
                w.WriteString("image_url", i.ImageUrl);
                WriteStringIfNotNull(w, "detail", i.Detail);
                break;
            default:
                throw new ArgumentException($"unsupported content kind {part.GetType().Name}", nameof(part));
        }
        w.WriteEndObject();
    }

    /// <summary>Reads a content array; parts of unknown types are skipped.</summary>
    public static IReadOnlyList<ContentItem> ReadContentArray(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        var list = new List<ContentItem>();
        foreach (var part in array.EnumerateArray())
        {
            if (ReadContent(part) is { } item)
            {
                list.Add(item);
            }
        }
        return list;
    }

    /// <summary>Reads one content part, or null for unknown types.</summary>
    public static ContentItem? ReadContent(JsonElement part)
    {
        if (part.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        return GetString(part, "type") switch
        {
            "input_text" => new InputTextContent(GetString(part, "text") ?? string.Empty),
            "output_text" => new OutputTextContent(GetString(part, "text") ?? string.Empty),
            // Chat-style `text` parts occur in some providers' outputs; they are input text to us.
            "text" => new InputTextContent(GetString(part, "text") ?? string.Empty),
            "input_image" => new InputImageContent(GetString(part, "image_url") ?? string.Empty, GetString(part, "detail")),
            _ => null,
        };
    }

    /// <summary>Reads a tool output that is either a string or an array of content items.</summary>
    public static ToolOutputPayload ReadOutput(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => ToolOutputPayload.FromText(value.GetString()!),
        JsonValueKind.Array => ToolOutputPayload.FromContent(ReadContentArray(value)),
        // Very old rollouts stored `{content, success}` objects.
        JsonValueKind.Object => ToolOutputPayload.FromText(GetString(value, "content") ?? value.GetRawText()),
        JsonValueKind.Null or JsonValueKind.Undefined => ToolOutputPayload.FromText(string.Empty),
        _ => ToolOutputPayload.FromText(value.GetRawText()),
    };

    private static string? GetString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
