namespace Cdx.Core.Session;

/// <summary>What the user sends to start a turn.</summary>
/// <param name="Text">The prompt text.</param>
/// <param name="ImageDataUrls">Images as data URLs, attached after the text.</param>
public sealed record UserInput(string Text, IReadOnlyList<string> ImageDataUrls);
