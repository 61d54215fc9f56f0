namespace Cdx.Cli.Commands;

/// <summary>Loads `-i` images as data URLs for the first user message.</summary>
internal static class ExecImages
{
    public static IReadOnlyList<string> Load(IReadOnlyList<string> files, string cwd)
    {
        var urls = new List<string>(files.Count);
        foreach (var file in files)
        {
            var path = Path.GetFullPath(file, cwd);
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (IOException ex)
            {
                throw new UserFacingException($"cdx exec: -i {file}: cannot read the image ({ex.Message}).", 1);
            }
            catch (UnauthorizedAccessException)
            {
                throw new UserFacingException($"cdx exec: -i {file}: permission denied; pass a readable image file.", 1);
            }
            urls.Add($"data:{MimeType(path)};base64,{Convert.ToBase64String(bytes)}");
        }
        return urls;
    }

    private static string MimeType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".bmp" => "image/bmp",
        _ => "application/octet-stream",
    };
}
