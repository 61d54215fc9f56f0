namespace Cdx.Core.Tools;

/// <summary>What a tool returns to the model before it is wrapped in a protocol item.</summary>
/// <param name="Text">The output text (for an image result, the text form used where arrays are not possible).</param>
/// <param name="ImageDataUrl">For view_image: a `data:` URL sent as an `input_image` content array.</param>
internal sealed record ToolOutput(string Text, string? ImageDataUrl = null)
{
    public static implicit operator ToolOutput(string text) => new(text);
}
