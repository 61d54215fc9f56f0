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

    /// <summary>
    /// Joins words so that a POSIX shell would split them back the same way, quoting exactly as
    /// Codex does (Rust `shlex::try_join`); words holding a NUL make it fall back to a plain
    /// space join, as Codex does.
    /// </summary>
    public static string Join(IEnumerable<string> words)
    {
        var list = words.ToList();
        return list.Any(w => w.Contains('\0')) ? string.Join(" ", list) : string.Join(" ", list.Select(Quote));
    }

    private const int UnquotedOk = 1, SingleOk = 2, DoubleOk = 4;

    /// <summary>Quotes one word when it needs quoting: unquoted, then single, then double quotes, chunk by chunk.</summary>
    public static string Quote(string word)
    {
        if (word.Length == 0)
        {
            return "''";
        }
        var bytes = Encoding.UTF8.GetBytes(word);
        var output = new List<byte>(bytes.Length + 2);
        var pos = 0;
        while (pos < bytes.Length)
        {
            var (length, strategy) = Strategy(bytes, pos);
            var chunk = bytes.AsSpan(pos, length);
            pos += length;
            switch (strategy)
            {
                case UnquotedOk:
                    output.AddRange(chunk);
                    break;
                case SingleOk:
                    output.Add((byte)'\'');
                    output.AddRange(chunk);
                    output.Add((byte)'\'');
                    break;
                default:
                    output.Add((byte)'"');
                    foreach (var b in chunk)
                    {
                        if (b is (byte)'$' or (byte)'`' or (byte)'"' or (byte)'\\')
                        {
                            output.Add((byte)'\\');
                        }
                        output.Add(b);
                    }
                    output.Add((byte)'"');
                    break;
            }
        }
        return Encoding.UTF8.GetString(output.ToArray());
    }

    // The longest chunk from `start` that one quoting style can represent, and the best style.
    private static (int Length, int Strategy) Strategy(byte[] bytes, int start)
    {
        var ok = UnquotedOk | SingleOk | DoubleOk;
        var i = start;
        if (bytes[i] == (byte)'^')
        {
            // A leading `^` is history substitution in interactive zsh: always single-quote it.
            ok = SingleOk;
            i++;
        }
        for (; i < bytes.Length; i++)
        {
            var c = bytes[i];
            var cur = ok;
            if (c >= 0x80 || !IsUnquotedOk(c))
            {
                cur &= ~UnquotedOk;
            }
            if (c is (byte)'!' or (byte)'$' or (byte)'`' or (byte)'"' or (byte)'\\')
            {
                cur &= ~DoubleOk;
            }
            else if (c == (byte)'\'')
            {
                cur &= ~SingleOk;
            }
            if (cur == 0)
            {
                break;
            }
            ok = cur;
        }
        var strategy = (ok & UnquotedOk) != 0 ? UnquotedOk : (ok & SingleOk) != 0 ? SingleOk : DoubleOk;
        return (i - start, strategy);
    }

    private static bool IsUnquotedOk(byte c) =>
        c is (byte)'+' or (byte)'-' or (byte)'.' or (byte)'/' or (byte)':' or (byte)'@' or (byte)']' or (byte)'_'
        || (c >= (byte)'0' && c <= (byte)'9') || (c >= (byte)'A' && c <= (byte)'Z') || (c >= (byte)'a' && c <= (byte)'z');
}
