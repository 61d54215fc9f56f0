using System.Text;
using Cdx.ExecPolicy.Shell;

namespace Cdx.Core.Approvals;

/// <summary>
/// Splits `bash|zsh|sh -c|-lc SCRIPT` into plain commands (spec rules.md §5) for rule evaluation.
/// Only the plain subset is accepted: words, quotes without expansions, and `&&`, `||`, `;`, `|`;
/// anything else (redirects, `$`, subshells, globs, assignments, control flow) refuses the split.
/// Lives here until Cdx.ExecPolicy ships its own splitter (branch rules-gaps); then
/// <see cref="CommandPolicy"/> switches to it.
/// </summary>
internal static class ShellSplitter
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "bash", "zsh", "sh" };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "function", "select", "!", "{", "}", "[[", "]]",
    };

    /// <summary>The script of a `[shell, -c|-lc, script]` wrapper, or null.</summary>
    public static string? WrapperScript(IReadOnlyList<string> argv)
    {
        if (argv.Count != 3 || argv[1] is not ("-c" or "-lc"))
        {
            return null;
        }
        return Shells.Contains(Path.GetFileName(argv[0])) ? argv[2] : null;
    }

    /// <summary>The segments to evaluate: the plain split of a wrapper script, else the whole argv.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Segments(IReadOnlyList<string> argv)
    {
        var script = WrapperScript(argv);
        if (script is not null && SplitPlain(script) is { } segments)
        {
            return segments;
        }
        return [argv];
    }

    /// <summary>Every simple command of a plain script, or null when the script is not plain.</summary>
    public static IReadOnlyList<IReadOnlyList<string>>? SplitPlain(string script)
    {
        var segments = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        var endedWithNewline = false;
        var i = 0;
        while (i < script.Length)
        {
            var c = script[i];
            if (c is ' ' or '\t')
            {
                i++;
                continue;
            }
            if (c is '\n' or ';' or '|' or '&')
            {
                var op = c == '\n' ? ";" : c is '|' or '&' && i + 1 < script.Length && script[i + 1] == c ? new string(c, 2) : c.ToString();
                if (op == "&" || current.Count == 0)
                {
                    if (c == '\n' && current.Count == 0)
                    {
                        i++;
                        continue;
                    }
                    return null;
                }
                segments.Add(current);
                current = [];
                endedWithNewline = c == '\n';
                i += op.Length;
                continue;
            }
            var word = ReadWord(script, ref i);
            if (word is null || (current.Count == 0 && (Keywords.Contains(word) || IsAssignment(word))))
            {
                return null;
            }
            current.Add(word);
            endedWithNewline = false;
        }
        if (current.Count == 0)
        {
            return segments.Count > 0 && endedWithNewline ? segments : null;
        }
        segments.Add(current);
        return segments;
    }

    private static string? ReadWord(string s, ref int i)
    {
        var sb = new StringBuilder();
        while (i < s.Length)
        {
            var c = s[i];
            if (c is ' ' or '\t' or '\n' or ';' or '|' or '&')
            {
                break;
            }
            if (c == '\'')
            {
                var end = s.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    return null;
                }
                sb.Append(s, i + 1, end - i - 1);
                i = end + 1;
                continue;
            }
            if (c == '"')
            {
                var end = s.IndexOf('"', i + 1);
                if (end < 0)
                {
                    return null;
                }
                var inner = s.Substring(i + 1, end - i - 1);
                if (inner.IndexOfAny(['$', '`', '\\']) >= 0)
                {
                    return null;
                }
                sb.Append(inner);
                i = end + 1;
                continue;
            }
            if (c is '>' or '<' or '(' or ')' or '{' or '}' or '$' or '`' or '\\' or '*' or '?' or '[' or '#' or '~')
            {
                return null;
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    private static bool IsAssignment(string word)
    {
        var eq = word.IndexOf('=');
        return eq > 0 && word[..eq].All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
    }

    /// <summary>
    /// Loose word lists of every command-looking piece of a script (split at operators, `$(`,
    /// backticks and parentheses), for the dangerous-command scan that must see inside anything.
    /// </summary>
    public static IEnumerable<IReadOnlyList<string>> LoosePieces(string script)
    {
        foreach (var piece in script.Split([";", "&&", "||", "|", "&", "\n", "$(", "`", "(", ")", "{", "}"], StringSplitOptions.RemoveEmptyEntries))
        {
            var words = Shlex.Split(piece);
            if (words is null)
            {
                continue;
            }
            while (words.Count > 0 && (Keywords.Contains(words[0]) || IsAssignment(words[0])))
            {
                words.RemoveAt(0);
            }
            if (words.Count > 0)
            {
                yield return words;
            }
        }
    }
}
