using System.Text;

namespace Cdx.Config;

/// <summary>Formats key paths the way TOML writes them (`projects."/a/b".trust_level`).</summary>
public static class KeyPath
{
    /// <summary>Joins segments with dots, quoting any segment that is not a bare TOML key.</summary>
    public static string Format(IEnumerable<string> segments) =>
        string.Join('.', segments.Select(Quote));

    /// <summary>Quotes one segment when it is not a bare key.</summary>
    public static string Quote(string segment)
    {
        if (segment.Length > 0 && segment.All(IsBare))
        {
            return segment;
        }
        var sb = new StringBuilder("\"");
        foreach (var c in segment)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }

    private static bool IsBare(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
