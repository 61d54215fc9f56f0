using Cdx.Protocol.Items;

namespace Cdx.Core.Session;

/// <summary>What the user sends to start a turn.</summary>
/// <param name="Text">The prompt text.</param>
/// <param name="ImageDataUrls">Images as data URLs (recorded in the rollout; attached after the text unless <see cref="Message"/> is set).</param>
public sealed record UserInput(string Text, IReadOnlyList<string> ImageDataUrls)
{
    /// <summary>
    /// The user message to send as built by the caller (e.g. exec's `Context.UserPrompt.Build` with
    /// `&lt;image&gt;` wrappers, spec model-protocol.md §3.1); null sends the text followed by the images.
    /// </summary>
    public MessageItem? Message { get; init; }
}
