namespace Cdx.Protocol.Items;

/// <summary>`{"type":"input_text","text":…}`: user, developer or tool-output text.</summary>
public sealed record InputTextContent(string Text) : ContentItem;
