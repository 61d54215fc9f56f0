namespace Cdx.Protocol.Items;

/// <summary>One part of a message or of an array-shaped tool output.</summary>
public abstract record ContentItem
{
    /// <summary>The text of a text part (input_text or output_text); empty for other parts.</summary>
    public static string TextOf(ContentItem part) => part switch
    {
        InputTextContent t => t.Text,
        OutputTextContent t => t.Text,
        _ => string.Empty,
    };

    /// <summary>The concatenated text of every text part.</summary>
    public static string JoinText(IEnumerable<ContentItem> parts) => string.Concat(parts.Select(TextOf));
}
