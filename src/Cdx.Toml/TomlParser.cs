using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Cdx.Toml.Parsing;

namespace Cdx.Toml;

/// <summary>Parses TOML 1.0.0 documents, single values and dotted keys.</summary>
public static class TomlParser
{
    /// <summary>Parses a whole document; throws TomlParseException with the place of the first error.</summary>
    public static TomlTable Parse(string text, string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TomlReader(text, sourcePath, null).ParseDocument();
    }

    /// <summary>Reads <paramref name="path"/> as UTF-8 and parses it; invalid UTF-8 is a TomlParseException.</summary>
    public static TomlTable ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ParseUtf8(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses a document given as UTF-8 bytes (as read from a file or stdin).</summary>
    public static TomlTable ParseUtf8(ReadOnlySpan<byte> utf8, string? sourcePath = null) =>
        Parse(DecodeUtf8(utf8, sourcePath), sourcePath);

    /// <summary>Parses one standalone value such as the VALUE of `-c key=VALUE`.</summary>
    public static TomlValue ParseValue(string text, string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TomlReader(text, sourcePath, null).ParseStandaloneValue();
    }

    /// <summary>Splits a dotted key (`a."b.c".d` gives [a, b.c, d]); throws TomlParseException.</summary>
    public static IReadOnlyList<string> ParseKeyPath(string dottedKey)
    {
        ArgumentNullException.ThrowIfNull(dottedKey);
        return new TomlReader(dottedKey, null, null).ParseStandaloneKey();
    }

    /// <summary>Decodes strict UTF-8; an invalid sequence is reported at its line and column.</summary>
    internal static string DecodeUtf8(ReadOnlySpan<byte> utf8, string? sourcePath)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, utf8.Length));
        try
        {
            var status = Utf8.ToUtf16(utf8, buffer, out var read, out var written, replaceInvalidSequences: false);
            var decoded = new string(buffer, 0, written);
            if (status == OperationStatus.Done)
            {
                return decoded;
            }
            var bad = read < utf8.Length ? $"0x{utf8[read]:X2}" : "at the end";
            throw TomlParseException.Create(
                sourcePath,
                decoded,
                decoded.Length,
                $"invalid UTF-8 byte {bad}; TOML files must be UTF-8, so re-save the file with UTF-8 encoding");
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    internal static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
