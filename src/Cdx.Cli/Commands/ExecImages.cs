using Cdx.Core.Context;
using Cdx.Core.Session;
using Cdx.Protocol.Items;

namespace Cdx.Cli.Commands;

/// <summary>Builds the first user message with its `-i` images (spec model-protocol.md §3.1: `&lt;image name=[Image #N] path=…&gt;` wrappers).</summary>
internal static class ExecImages
{
    public static UserInput Input(string prompt, IReadOnlyList<string> files, string cwd)
    {
        if (files.Count == 0)
        {
            return new UserInput(prompt, []);
        }
        try
        {
            var message = UserPrompt.Build(prompt, files, cwd);
            var urls = message.Content.OfType<InputImageContent>().Select(i => i.ImageUrl).ToList();
            return new UserInput(prompt, urls) { Message = message };
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UserFacingException($"cdx exec: -i: permission denied ({ex.Message}); pass a readable image file.", 1);
        }
        catch (IOException ex)
        {
            // FileNotFoundException from UserPrompt already names the path and the way out.
            throw new UserFacingException($"cdx exec: -i: {ex.Message}", 1);
        }
    }
}
