namespace Cdx.Protocol.Items;

/// <summary>A `message` item: user, developer or assistant text (and images).</summary>
public sealed record MessageItem : ResponseItem
{
    /// <summary>`user`, `developer`, `assistant` (or `system` when read from elsewhere).</summary>
    public required string Role { get; init; }

    /// <summary>The message parts in order.</summary>
    public required IReadOnlyList<ContentItem> Content { get; init; }

    /// <summary>Assistant phase in newer builds: `commentary` or `final_answer`; null when absent.</summary>
    public string? Phase { get; init; }

    /// <summary>The concatenated text of every text part (input_text and output_text).</summary>
    public string Text => ContentItem.JoinText(Content);

    /// <summary>A user message with one input_text part.</summary>
    public static MessageItem User(string text) => new() { Role = "user", Content = [new InputTextContent(text)] };

    /// <summary>A developer message with one input_text part.</summary>
    public static MessageItem Developer(string text) => new() { Role = "developer", Content = [new InputTextContent(text)] };

    /// <summary>An assistant message with one output_text part.</summary>
    public static MessageItem Assistant(string text) => new() { Role = "assistant", Content = [new OutputTextContent(text)] };
}
