namespace Cdx.Cli.Commands;

/// <summary>Builds the first user message from the prompt argument and stdin (spec exec-mode.md §2).</summary>
public static class ExecPrompt
{
    /// <summary>
    /// Returns the effective prompt. <paramref name="stdinIsTerminal"/> decides whether stdin is read;
    /// notices go to <paramref name="stderr"/>. Throws when no prompt can be found.
    /// </summary>
    public static async Task<string> ResolveAsync(string? prompt, bool stdinIsTerminal, TextReader stdin, TextWriter stderr, CancellationToken ct)
    {
        if (prompt is null or "-")
        {
            if (stdinIsTerminal && prompt is null)
            {
                throw new UserFacingException("No prompt provided. Either specify one as an argument or pipe the prompt into stdin.", 1);
            }
            await stderr.WriteLineAsync("Reading prompt from stdin...");
            var all = await stdin.ReadToEndAsync(ct);
            if (all.Trim().Length == 0)
            {
                throw new UserFacingException("No prompt provided via stdin.", 1);
            }
            return all;
        }
        if (stdinIsTerminal)
        {
            return prompt;
        }
        await stderr.WriteLineAsync("Reading additional input from stdin...");
        var extra = (await stdin.ReadToEndAsync(ct)).TrimEnd('\n', '\r');
        return extra.Trim().Length == 0 ? prompt : $"{prompt}\n\n<stdin>\n{extra}\n</stdin>";
    }
}
