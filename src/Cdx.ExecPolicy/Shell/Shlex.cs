using System.Text;

namespace Cdx.ExecPolicy.Shell;

/// <summary>POSIX shell-word splitting and quoting (the `shlex` rules used for rule examples).</summary>
public static class Shlex
{
    /// <summary>Splits <paramref name="text"/> into words; null on an unterminated quote or trailing backslash.</summary>
    public static List<string>? Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\n')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
                i++;
                continue;
            }
            if (c == '#' && !inWord)
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
                continue;
            }
            inWord = true;
            if (c == '\\')
            {
                if (i + 1 >= text.Length)
                {
                    return null;
                }
                if (text[i + 1] != '\n')
                {
                    word.Append(text[i + 1]);
                }
                i += 2;
                continue;
            }
            if (c == '\'')
            {
                var end = text.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    return null;
                }
                word.Append(text, i + 1, end - i - 1);
                i = end + 1;
                continue;
            }
            if (c == '"')
            {
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    var d = text[i];
                    if (d == '"')
                    {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`' or '\n')
                    {
                        if (text[i + 1] != '\n')
                        {
                            word.Append(text[i + 1]);
                        }
                        i += 2;
                        continue;
                    }
                    word.Append(d);
                    i++;
                }
                if (!closed)
                {
                    return null;
                }
                continue;
            }
            word.Append(c);
            i++;
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    /// <summary>Joins words so that a POSIX shell would split them back the same way.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(" ", words.Select(Quote));

    /// <summary>Quotes one word when it needs quoting.</summary>
    public static string Quote(string word)
    {
        if (word.Length == 0)
        {
            return "''";
        }
        if (word.All(IsSafe))
        {
            return word;
        }
        var sb = new StringBuilder();
        var inSingle = false;
        foreach (var c in word)
        {
            if (c == '\'')
            {
                if (inSingle)
                {
                    sb.Append('\'');
                    inSingle = false;
                }
                sb.Append("\"'\"");
                continue;
            }
            if (!inSingle)
            {
                sb.Append('\'');
                inSingle = true;
            }
            sb.Append(c);
        }
        if (inSingle)
        {
            sb.Append('\'');
        }
        return sb.ToString();
    }

    private static bool IsSafe(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is ',' or '.' or '_' or '+' or ':' or '@' or '%' or '/' or '-' or '=';
}
