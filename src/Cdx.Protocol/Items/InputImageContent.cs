namespace Cdx.Protocol.Items;

/// <summary>`{"type":"input_image","image_url":…,"detail":…}`; the url is usually a `data:` url.</summary>
public sealed record InputImageContent(string ImageUrl, string? Detail = null) : ContentItem;
