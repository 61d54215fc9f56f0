using Cdx.Protocol.Items;

namespace Cdx.Core.Context;

/// <summary>The user's prompt as a message item, with `-i` images attached (spec model-protocol.md §3.1 point 4).</summary>
public static class UserPrompt
{
    /// <summary>
    /// For each image: `&lt;image name=[Image #N] path="…"&gt;`, the image as a data URL, `&lt;/image&gt;`; then
    /// the prompt text. Throws <see cref="FileNotFoundException"/> naming a missing image.
    /// </summary>
    public static MessageItem Build(string prompt, IReadOnlyList<string> imagePaths, string cwd)
    {
        var content = new List<ContentItem>();
        for (var i = 0; i < imagePaths.Count; i++)
        {
            var path = Path.GetFullPath(imagePaths[i], cwd);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"the image {path} given with -i/--image does not exist; check the path.", path);
            }
            var bytes = File.ReadAllBytes(path);
            content.Add(new InputTextContent($"<image name=[Image #{i + 1}] path=\"{path}\">"));
            content.Add(new InputImageContent($"data:{Mime(path)};base64,{Convert.ToBase64String(bytes)}", "original"));
            content.Add(new InputTextContent("</image>"));
        }
        content.Add(new InputTextContent(prompt));
        return new MessageItem { Role = "user", Content = content };
    }

    private static string Mime(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        _ => "image/png",
    };
}
