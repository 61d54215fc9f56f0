namespace Cdx.Protocol.Items;

/// <summary>One part of a message or of an array-shaped tool output.</summary>
public abstract record ContentItem;
