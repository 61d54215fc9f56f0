using System.CommandLine;
using Cdx.Toml;

namespace Cdx.Cli.Commands;

/// <summary>`cdx debug toml-decode`: TOML on stdin, toml-test tagged JSON on stdout.</summary>
public static class TomlDecodeCommand
{
    /// <summary>Creates the `toml-decode` command.</summary>
    public static Command Create()
    {
        var command = new Command(
            "toml-decode",
            "Read TOML from stdin and print it as toml-test tagged JSON; exit 1 with the error on invalid input.");
        command.SetAction(async (ParseResult _, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            await using (var stdin = Console.OpenStandardInput())
            {
                await stdin.CopyToAsync(buffer, ct);
            }
            TomlTable document;
            try
            {
                // Bytes, not a TextReader: invalid UTF-8 must be an error, not replacement characters.
                document = TomlParser.ParseUtf8(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), "<stdin>");
            }
            catch (TomlParseException ex)
            {
                throw new UserFacingException(ex.Message, 1, ex);
            }
            await using var stdout = Console.OpenStandardOutput();
            TomlTaggedJson.Write(stdout, document);
            return 0;
        });
        return command;
    }
}
