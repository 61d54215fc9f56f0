using System.Text;

namespace Cdx.ExecPolicy.Shell;

/// <summary>
/// Tokenises a POSIX/bash script into words, operators, redirections and newlines, reading
/// quotes, expansions, substitutions and here-document bodies. It does not interpret anything:
/// callers decide what they accept. Returns null when the script is not well formed (an
/// unterminated quote, substitution or here-document).
/// </summary>
public static class ShellLexer
{
    private const string Metacharacters = " \t\n;&|()<>";

    /// <summary>Tokenises <paramref name="script"/>; null on a syntax error.</summary>
    public static IReadOnlyList<ShellToken>? Tokenize(string script)
    {
        var tokens = new List<ShellToken>();
        var heredocs = new List<(string Delimiter, bool StripTabs)>();
        var i = 0;
        var expectHeredocDelimiter = false;
        var stripTabs = false;
        while (i < script.Length)
        {
            var c = script[i];
            if (c is ' ' or '\t')
            {
                i++;
                continue;
            }
            if (c == '\\' && i + 1 < script.Length && script[i + 1] == '\n')
            {
                i += 2;
                continue;
            }
            if (c == '\n')
            {
                tokens.Add(new ShellToken(ShellTokenKind.Newline, "\n", i));
                i++;
                if (heredocs.Count > 0)
                {
                    if (!ReadHeredocBodies(script, ref i, heredocs))
                    {
                        return null;
                    }
                    heredocs.Clear();
                }
                continue;
            }
            if (c == '#')
            {
                var commentStart = i;
                while (i < script.Length && script[i] != '\n')
                {
                    i++;
                }
                tokens.Add(new ShellToken(ShellTokenKind.Comment, script[commentStart..i], commentStart));
                continue;
            }
            if (ReadOperator(script, i) is { } op)
            {
                tokens.Add(new ShellToken(ShellTokenKind.Operator, op, i));
                i += op.Length;
                continue;
            }
            if (ReadRedirect(script, i) is { } redirect)
            {
                tokens.Add(new ShellToken(ShellTokenKind.Redirect, redirect, i));
                i += redirect.Length;
                var bare = redirect.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
                expectHeredocDelimiter = bare is "<<" or "<<-";
                stripTabs = bare == "<<-";
                continue;
            }
            var word = ReadWord(script, ref i);
            if (word is null)
            {
                return null;
            }
            tokens.Add(word);
            if (expectHeredocDelimiter)
            {
                heredocs.Add((word.Literal ?? word.Text, stripTabs));
                expectHeredocDelimiter = false;
            }
        }
        // A here-document needs its body: without a newline after the operator, it has none.
        return heredocs.Count == 0 && !expectHeredocDelimiter ? tokens : null;
    }

    private static string? ReadOperator(string s, int i)
    {
        foreach (var op in new[] { ";;&", "&&", "||", ";;", ";&", "|&", ";", "|", "&", "(", ")" })
        {
            if (string.CompareOrdinal(s, i, op, 0, op.Length) == 0)
            {
                // `&>` and `&>>` are redirections, not background.
                return op == "&" && i + 1 < s.Length && s[i + 1] == '>' ? null : op;
            }
        }
        return null;
    }

    private static string? ReadRedirect(string s, int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }
        if (i >= s.Length || (s[i] is not ('<' or '>') && !(i == start && s[i] == '&')))
        {
            return null;
        }
        foreach (var op in new[] { "<<<", "<<-", "&>>", "<<", ">>", "<&", ">&", "<>", ">|", "&>", "<", ">" })
        {
            if (string.CompareOrdinal(s, i, op, 0, op.Length) == 0)
            {
                return s[start..(i + op.Length)];
            }
        }
        return null;
    }

    private static bool ReadHeredocBodies(string s, ref int i, List<(string Delimiter, bool StripTabs)> heredocs)
    {
        foreach (var (delimiter, strip) in heredocs)
        {
            while (true)
            {
                if (i >= s.Length)
                {
                    return false;
                }
                var end = s.IndexOf('\n', i);
                var line = end < 0 ? s[i..] : s[i..end];
                i = end < 0 ? s.Length : end + 1;
                if ((strip ? line.TrimStart('\t') : line) == delimiter)
                {
                    break;
                }
            }
        }
        return true;
    }

    private static ShellToken? ReadWord(string s, ref int i)
    {
        var start = i;
        var literal = new StringBuilder();
        var isLiteral = true;
        var plain = true;
        var quoted = false;
        var parts = 0;
        var lastWasUnquoted = false;
        var substitutions = new List<string>();
        while (i < s.Length && !Metacharacters.Contains(s[i]))
        {
            var c = s[i];
            switch (c)
            {
                case '\'':
                {
                    var end = s.IndexOf('\'', i + 1);
                    if (end < 0)
                    {
                        return null;
                    }
                    literal.Append(s, i + 1, end - i - 1);
                    i = end + 1;
                    quoted = true;
                    parts++;
                    lastWasUnquoted = false;
                    continue;
                }
                case '"':
                {
                    if (!ReadDoubleQuoted(s, ref i, literal, substitutions, ref isLiteral, ref plain))
                    {
                        return null;
                    }
                    quoted = true;
                    parts++;
                    lastWasUnquoted = false;
                    continue;
                }
                case '\\':
                    if (i + 1 >= s.Length)
                    {
                        return null;
                    }
                    literal.Append(s[i + 1]);
                    i += 2;
                    plain = false;
                    break;
                case '$':
                    if (!ReadDollar(s, ref i, literal, substitutions, ref isLiteral))
                    {
                        return null;
                    }
                    plain = false;
                    break;
                case '`':
                {
                    var end = FindBacktickEnd(s, i + 1);
                    if (end < 0)
                    {
                        return null;
                    }
                    substitutions.Add(s[(i + 1)..end]);
                    i = end + 1;
                    isLiteral = false;
                    plain = false;
                    break;
                }
                default:
                    // Globs and brace expansion change the argv the program receives.
                    if (c is '*' or '?' or '[' or ']' or '{' or '}')
                    {
                        plain = false;
                    }
                    literal.Append(c);
                    i++;
                    break;
            }
            if (!lastWasUnquoted)
            {
                parts++;
                lastWasUnquoted = true;
            }
        }
        var text = s[start..i];
        return new ShellToken(ShellTokenKind.Word, text, start)
        {
            Literal = isLiteral ? literal.ToString() : null,
            Plain = plain && isLiteral,
            Quoted = quoted,
            Parts = parts,
            Substitutions = substitutions,
        };
    }

    private static bool ReadDoubleQuoted(
        string s, ref int i, StringBuilder literal, List<string> substitutions, ref bool isLiteral, ref bool plain)
    {
        i++;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '"')
            {
                i++;
                return true;
            }
            if (c == '\\' && i + 1 < s.Length)
            {
                var next = s[i + 1];
                if (next is '$' or '`' or '"' or '\\' or '\n')
                {
                    if (next != '\n')
                    {
                        literal.Append(next);
                    }
                }
                else
                {
                    literal.Append(c).Append(next);
                }
                i += 2;
                plain = false;
                continue;
            }
            if (c == '$')
            {
                if (!ReadDollar(s, ref i, literal, substitutions, ref isLiteral))
                {
                    return false;
                }
                plain = false;
                continue;
            }
            if (c == '`')
            {
                var end = FindBacktickEnd(s, i + 1);
                if (end < 0)
                {
                    return false;
                }
                substitutions.Add(s[(i + 1)..end]);
                i = end + 1;
                isLiteral = false;
                plain = false;
                continue;
            }
            literal.Append(c);
            i++;
        }
        return false;
    }

    // `$name`, `${...}`, `$(...)`, `$((...))`, `$'...'`, `$"..."`, `$?` and friends. A `$` that
    // starts none of these is a literal dollar sign.
    private static bool ReadDollar(string s, ref int i, StringBuilder literal, List<string> substitutions, ref bool isLiteral)
    {
        var next = i + 1 < s.Length ? s[i + 1] : '\0';
        if (next == '(')
        {
            var end = FindClose(s, i + 2, '(', ')');
            if (end < 0)
            {
                return false;
            }
            if (!(i + 2 < s.Length && s[i + 2] == '('))
            {
                substitutions.Add(s[(i + 2)..end]);
            }
            i = end + 1;
            isLiteral = false;
            return true;
        }
        if (next == '{')
        {
            var end = FindClose(s, i + 2, '{', '}');
            if (end < 0)
            {
                return false;
            }
            i = end + 1;
            isLiteral = false;
            return true;
        }
        if (next == '\'' || next == '"')
        {
            var end = next == '\'' ? FindAnsiQuoteEnd(s, i + 2) : s.IndexOf('"', i + 2);
            if (end < 0)
            {
                return false;
            }
            i = end + 1;
            isLiteral = false;
            return true;
        }
        if (char.IsAsciiLetter(next) || next == '_')
        {
            i++;
            while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '_'))
            {
                i++;
            }
            isLiteral = false;
            return true;
        }
        if (char.IsAsciiDigit(next) || next is '?' or '@' or '*' or '#' or '$' or '!' or '-')
        {
            i += 2;
            isLiteral = false;
            return true;
        }
        literal.Append('$');
        i++;
        return true;
    }

    private static int FindAnsiQuoteEnd(string s, int i)
    {
        for (; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == '\'')
            {
                return i;
            }
        }
        return -1;
    }

    private static int FindBacktickEnd(string s, int i)
    {
        for (; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == '`')
            {
                return i;
            }
        }
        return -1;
    }

    // Index of the bracket closing the one just before `i`, skipping quoted text and nested pairs.
    private static int FindClose(string s, int i, char open, char close)
    {
        var depth = 1;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '\\':
                    i++;
                    continue;
                case '\'':
                    var q = s.IndexOf('\'', i + 1);
                    if (q < 0)
                    {
                        return -1;
                    }
                    i = q;
                    continue;
                case '"':
                    for (i++; i < s.Length && s[i] != '"'; i++)
                    {
                        if (s[i] == '\\')
                        {
                            i++;
                        }
                    }
                    if (i >= s.Length)
                    {
                        return -1;
                    }
                    continue;
            }
            if (c == open)
            {
                depth++;
            }
            else if (c == close && --depth == 0)
            {
                return i;
            }
        }
        return -1;
    }
}
