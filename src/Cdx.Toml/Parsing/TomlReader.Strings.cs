using System.Text;

namespace Cdx.Toml.Parsing;

internal sealed partial class TomlReader
{
    /// <summary>Parses a single-line "basic" string; the fast path slices the source when there are no escapes.</summary>
    private string ParseBasicString()
    {
        var open = _pos;
        var s = _src;
        var p = _pos + 1;
        var start = p;
        while (p < s.Length)
        {
            var c = s[p];
            if (c == '"')
            {
                _pos = p + 1;
                return s.Substring(start, p - start);
            }
            if (c == '\\')
            {
                break;
            }
            p = CheckStringChar(p, c, open, multiline: false);
        }
        if (p >= s.Length)
        {
            throw Fail(open, "unterminated string; close it with '\"' on the same line");
        }
        var sb = Builder();
        sb.Append(s, start, p - start);
        while (true)
        {
            if (p >= s.Length)
            {
                throw Fail(open, "unterminated string; close it with '\"' on the same line");
            }
            var c = s[p];
            if (c == '"')
            {
                _pos = p + 1;
                return sb.ToString();
            }
            if (c == '\\')
            {
                p = AppendEscape(sb, p);
                continue;
            }
            var next = CheckStringChar(p, c, open, multiline: false);
            sb.Append(s, p, next - p);
            p = next;
        }
    }

    private string ParseLiteralString()
    {
        var open = _pos;
        var s = _src;
        var p = _pos + 1;
        while (p < s.Length)
        {
            var c = s[p];
            if (c == '\'')
            {
                _pos = p + 1;
                return s.Substring(open + 1, p - open - 1);
            }
            p = CheckStringChar(p, c, open, multiline: false);
        }
        throw Fail(open, "unterminated literal string; close it with \"'\" on the same line");
    }

    /// <summary>Parses `"""..."""` or `'''...'''` (the opening quotes are at the current position).</summary>
    private string ParseMultilineString(char quote)
    {
        var open = _pos;
        var s = _src;
        var p = _pos + 3;
        // A newline right after the opening quotes is not part of the string.
        if (p < s.Length && s[p] == '\n')
        {
            p++;
            NewLine(p);
        }
        else if (p + 1 < s.Length && s[p] == '\r' && s[p + 1] == '\n')
        {
            p += 2;
            NewLine(p);
        }
        var sb = Builder();
        while (true)
        {
            if (p >= s.Length)
            {
                throw Fail(open, $"unterminated multi-line string; close it with {quote}{quote}{quote}");
            }
            var c = s[p];
            if (c == quote)
            {
                var run = 1;
                while (p + run < s.Length && s[p + run] == quote)
                {
                    run++;
                }
                if (run >= 3)
                {
                    if (run > 5)
                    {
                        throw Fail(p + 5, $"too many {quote} characters at the end of a multi-line string; escape them or use the other quote style");
                    }
                    sb.Append(quote, run - 3);
                    _pos = p + run;
                    return sb.ToString();
                }
                sb.Append(quote, run);
                p += run;
            }
            else if (c == '\\' && quote == '"')
            {
                p = IsLineEndingBackslash(p) ? SkipLineEndingBackslash(p) : AppendEscape(sb, p);
            }
            else if (c == '\n')
            {
                sb.Append('\n');
                p++;
                NewLine(p);
            }
            else if (c == '\r' && p + 1 < s.Length && s[p + 1] == '\n')
            {
                // CRLF inside a multi-line string becomes LF, as in other TOML decoders.
                sb.Append('\n');
                p += 2;
                NewLine(p);
            }
            else
            {
                var next = CheckStringChar(p, c, open, multiline: true);
                sb.Append(s, p, next - p);
                p = next;
            }
        }
    }

    /// <summary>Validates the character at <paramref name="p"/> inside a string and returns the index after it.</summary>
    private int CheckStringChar(int p, char c, int open, bool multiline)
    {
        if (c >= 0x20 && c != 0x7F)
        {
            return char.IsSurrogate(c) ? CheckSurrogatePair(p) : p + 1;
        }
        if (c == '\t')
        {
            return p + 1;
        }
        if ((c == '\n' || c == '\r') && !multiline)
        {
            throw Fail(open, "unterminated string: a single-line string cannot contain a line break; close it on this line or use a multi-line string (\"\"\" or ''')");
        }
        throw Fail(p, $"control character {Describe(c)} is not allowed in a string; write it as an escape such as \\u{(int)c:X4}");
    }

    private bool IsLineEndingBackslash(int p)
    {
        var s = _src;
        var q = p + 1;
        while (q < s.Length && (s[q] == ' ' || s[q] == '\t'))
        {
            q++;
        }
        return q < s.Length && (s[q] == '\n' || (s[q] == '\r' && q + 1 < s.Length && s[q + 1] == '\n'));
    }

    /// <summary>Skips a line-ending backslash and all whitespace and newlines after it.</summary>
    private int SkipLineEndingBackslash(int p)
    {
        var s = _src;
        p++;
        while (p < s.Length)
        {
            var c = s[p];
            if (c == ' ' || c == '\t')
            {
                p++;
            }
            else if (c == '\n')
            {
                p++;
                NewLine(p);
            }
            else if (c == '\r' && p + 1 < s.Length && s[p + 1] == '\n')
            {
                p += 2;
                NewLine(p);
            }
            else
            {
                break;
            }
        }
        return p;
    }

    /// <summary>Decodes the escape at <paramref name="p"/> (a backslash) into <paramref name="sb"/>.</summary>
    private int AppendEscape(StringBuilder sb, int p)
    {
        var s = _src;
        if (p + 1 >= s.Length)
        {
            throw Fail(p, "unterminated escape sequence at end of input");
        }
        var e = s[p + 1];
        switch (e)
        {
            case 'b': sb.Append('\b'); return p + 2;
            case 't': sb.Append('\t'); return p + 2;
            case 'n': sb.Append('\n'); return p + 2;
            case 'f': sb.Append('\f'); return p + 2;
            case 'r': sb.Append('\r'); return p + 2;
            case '"': sb.Append('"'); return p + 2;
            case '\\': sb.Append('\\'); return p + 2;
            case 'u': return AppendUnicodeEscape(sb, p, 4);
            case 'U': return AppendUnicodeEscape(sb, p, 8);
            default:
                throw Fail(p, $"invalid escape sequence '\\{(e < 0x20 ? "" : e.ToString())}'; valid escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX (write \\\\ for a backslash)");
        }
    }

    private int AppendUnicodeEscape(StringBuilder sb, int p, int digits)
    {
        var s = _src;
        var value = 0;
        for (var i = 0; i < digits; i++)
        {
            var q = p + 2 + i;
            var d = q < s.Length ? HexValue(s[q]) : -1;
            if (d < 0)
            {
                throw Fail(p, $"invalid unicode escape: \\{s[p + 1]} needs exactly {digits} hex digits");
            }
            value = (value << 4) | d;
        }
        if ((uint)value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        {
            throw Fail(p, $"invalid unicode escape: U+{value:X} is not a Unicode scalar value");
        }
        if (value < 0x10000)
        {
            sb.Append((char)value);
        }
        else
        {
            value -= 0x10000;
            sb.Append((char)(0xD800 + (value >> 10))).Append((char)(0xDC00 + (value & 0x3FF)));
        }
        return p + 2 + digits;
    }

    private static int HexValue(char c)
    {
        if ((uint)(c - '0') <= 9)
        {
            return c - '0';
        }
        var l = c | 0x20;
        return (uint)(l - 'a') <= 5 ? l - 'a' + 10 : -1;
    }

    private StringBuilder Builder()
    {
        _sb ??= new StringBuilder(64);
        _sb.Clear();
        return _sb;
    }
}
