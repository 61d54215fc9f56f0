namespace Cdx.Cli.Commands;

/// <summary>Just enough TOML value syntax for `-c` overrides of sandbox keys.</summary>
public static class TomlScalar
{
    /// <summary>A basic or literal string, or the raw text when it is not a quoted string.</summary>
    public static string String(string raw)
    {
        if (raw.Length >= 2 && ((raw[0] == '"' && raw[^1] == '"') || (raw[0] == '\'' && raw[^1] == '\'')))
        {
            var inner = raw[1..^1];
            return raw[0] == '"' ? inner.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal) : inner;
        }
        return raw;
    }

    /// <summary>`true` or `false`.</summary>
    public static bool Bool(string raw, string key) => raw switch
    {
        "true" => true,
        "false" => false,
        _ => throw new UserFacingException($"cdx sandbox: -c {key}={raw}: expected true or false.", 2),
    };

    /// <summary>An array of strings, e.g. ["/a", '/b'].</summary>
    public static IReadOnlyList<string> StringArray(string raw, string key)
    {
        var t = raw.Trim();
        if (t.Length < 2 || t[0] != '[' || t[^1] != ']')
        {
            throw new UserFacingException($"cdx sandbox: -c {key}={raw}: expected an array of strings such as [\"/path\"].", 2);
        }
        var items = new List<string>();
        var body = t[1..^1];
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (char.IsWhiteSpace(c) || c == ',')
            {
                i++;
                continue;
            }
            if (c is not ('"' or '\''))
            {
                throw new UserFacingException($"cdx sandbox: -c {key}={raw}: array items must be quoted strings.", 2);
            }
            var end = body.IndexOf(c, i + 1);
            if (end < 0)
            {
                throw new UserFacingException($"cdx sandbox: -c {key}={raw}: unterminated string.", 2);
            }
            items.Add(body[(i + 1)..end]);
            i = end + 1;
        }
        return items;
    }
}
