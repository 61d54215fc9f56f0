namespace Cdx.Protocol.Items;

/// <summary>`{"type":"output_text","text":…}`: assistant text.</summary>
public sealed record OutputTextContent(string Text) : ContentItem;
