namespace Cdx.Protocol.Items;

/// <summary>A tool output, serialized as a plain string (Text) or, when Content is set, as an array of content items.</summary>
public sealed record ToolOutputPayload
{
    /// <summary>The plain-text output; used when Content is null.</summary>
    public string? Text { get; init; }

    /// <summary>Array-shaped output (input_text / input_image parts); wins over Text when set.</summary>
    public IReadOnlyList<ContentItem>? Content { get; init; }

    /// <summary>The output as text: Text, or the concatenated text parts of Content.</summary>
    public string AsText => Content is null ? Text ?? string.Empty : ContentItem.JoinText(Content);

    /// <summary>A string-shaped payload.</summary>
    public static ToolOutputPayload FromText(string text) => new() { Text = text };

    /// <summary>An array-shaped payload.</summary>
    public static ToolOutputPayload FromContent(IReadOnlyList<ContentItem> content) => new() { Content = content };
}
