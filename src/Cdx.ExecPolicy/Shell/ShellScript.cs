namespace Cdx.ExecPolicy.Shell;

/// <summary>
/// Reads shell scripts the way the rules engine needs: as a list of plain commands when that is
/// provable (<see cref="SplitPlain"/>), as the single command of a here-document script
/// (<see cref="SingleHeredocCommand"/>), or as every literal command anywhere in a script, for
/// the dangerous-command check (<see cref="LiteralCommands"/>).
/// </summary>
public static class ShellScript
{
    // Words that bash reads as syntax in command position. A "command" starting with one of
    // them is a compound command or a declaration, never a plain command.
    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal)
    {
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac",
        "select", "function", "time", "coproc", "{", "}", "!", "[[", "]]", "[",
        "declare", "typeset", "export", "readonly", "local", "unset",
    };

    private static readonly HashSet<string> PlainSeparators = new(StringComparer.Ordinal) { "&&", "||", ";", "|" };

    /// <summary>
    /// Splits a script made only of plain words joined by `&amp;&amp;`, `||`, `;`, `|` (or newlines) into
    /// one argv per command, in source order, quotes removed. Null when the script holds anything
    /// else (redirections, expansions, substitutions, globs, escapes, assignments, subshells,
    /// control flow, background jobs, empty commands) or no command at all.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>>? SplitPlain(string script)
    {
        var tokens = ShellLexer.Tokenize(script);
        if (tokens is null)
        {
            return null;
        }
        var commands = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        // True right after `&&`, `||` or `|`: a command must follow (newlines may come first).
        var needCommand = false;
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case ShellTokenKind.Word:
                    if (!token.Plain || (token.Parts > 1 && token.Literal!.Length == 0))
                    {
                        return null;
                    }
                    if (current.Count == 0 && !IsPlainCommandName(token))
                    {
                        return null;
                    }
                    current.Add(token.Literal!);
                    needCommand = false;
                    break;
                case ShellTokenKind.Newline:
                    if (current.Count > 0)
                    {
                        commands.Add(current);
                        current = [];
                    }
                    break;
                case ShellTokenKind.Operator when PlainSeparators.Contains(token.Text):
                    if (current.Count == 0)
                    {
                        return null;
                    }
                    commands.Add(current);
                    current = [];
                    needCommand = token.Text != ";";
                    break;
                default:
                    return null;
            }
        }
        if (needCommand)
        {
            return null;
        }
        if (current.Count > 0)
        {
            commands.Add(current);
        }
        return commands.Count > 0 ? commands : null;
    }

    /// <summary>
    /// For a script that feeds a here-document (`&lt;&lt;`) to exactly one command whose words are all
    /// bare literals, that command's words; null otherwise (also when a file redirection, another
    /// command or any operator besides a trailing `;` is present).
    /// </summary>
    public static IReadOnlyList<string>? SingleHeredocCommand(string script)
    {
        var tokens = ShellLexer.Tokenize(script);
        if (tokens is null)
        {
            return null;
        }
        var words = new List<string>();
        var sawHeredoc = false;
        var commandEnded = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case ShellTokenKind.Redirect:
                    var bare = token.Text.TrimStart("0123456789".ToCharArray());
                    if (bare is not ("<<" or "<<-" or "<<<") || i + 1 >= tokens.Count || tokens[i + 1].Kind != ShellTokenKind.Word)
                    {
                        return null;
                    }
                    sawHeredoc |= bare != "<<<";
                    i++;
                    break;
                case ShellTokenKind.Word:
                    if (commandEnded || token.Quoted || !token.Plain || (words.Count == 0 && !IsPlainCommandName(token)))
                    {
                        return null;
                    }
                    words.Add(token.Literal!);
                    break;
                case ShellTokenKind.Newline:
                    commandEnded |= words.Count > 0;
                    break;
                case ShellTokenKind.Comment:
                    break;
                case ShellTokenKind.Operator when token.Text == ";":
                    if (words.Count == 0)
                    {
                        return null;
                    }
                    commandEnded = true;
                    break;
                default:
                    return null;
            }
        }
        return sawHeredoc && words.Count > 0 ? words : null;
    }

    /// <summary>
    /// Every command anywhere in the script whose name is a literal word, including commands in
    /// control flow, pipelines and `$(...)`/backtick substitutions; leading assignments and
    /// redirections are skipped, non-literal arguments are kept as written. Null when the script
    /// cannot be tokenised.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>>? LiteralCommands(string script)
    {
        var result = new List<IReadOnlyList<string>>();
        return CollectLiteralCommands(script, result, depth: 0) ? result : null;
    }

    private static bool CollectLiteralCommands(string script, List<IReadOnlyList<string>> result, int depth)
    {
        var tokens = depth > 16 ? null : ShellLexer.Tokenize(script);
        if (tokens is null)
        {
            return false;
        }
        List<string>? current = null;
        var skipHeader = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == ShellTokenKind.Comment)
            {
                continue;
            }
            foreach (var inner in token.Substitutions)
            {
                CollectLiteralCommands(inner, result, depth + 1);
            }
            if (token.Kind is ShellTokenKind.Operator or ShellTokenKind.Newline)
            {
                Flush(ref current, result);
                skipHeader = false;
                continue;
            }
            if (token.Kind == ShellTokenKind.Redirect)
            {
                if (i + 1 < tokens.Count && tokens[i + 1].Kind == ShellTokenKind.Word)
                {
                    i++;
                    foreach (var inner in tokens[i].Substitutions)
                    {
                        CollectLiteralCommands(inner, result, depth + 1);
                    }
                }
                continue;
            }
            if (skipHeader)
            {
                // `for x in a b c`, `case word in`: words, not commands, up to the separator.
                if (token.IsWord("do"))
                {
                    skipHeader = false;
                }
                continue;
            }
            if (current is null)
            {
                if (token.IsWord("for") || token.IsWord("select") || token.IsWord("case"))
                {
                    skipHeader = true;
                    continue;
                }
                if ((!token.Quoted && ReservedWords.Contains(token.Text) && token.Text is not ("[" or "declare" or "typeset"
                        or "export" or "readonly" or "local" or "unset")) || IsAssignment(token))
                {
                    continue;
                }
                current = [];
                if (token.Literal is null)
                {
                    // A command name built from expansions: its words are unknowable. Skip it.
                    current = null;
                    SkipToSeparator(tokens, ref i, result, depth);
                    continue;
                }
            }
            current.Add(token.Literal ?? token.Text);
        }
        Flush(ref current, result);
        return true;
    }

    private static void SkipToSeparator(IReadOnlyList<ShellToken> tokens, ref int i, List<IReadOnlyList<string>> result, int depth)
    {
        while (i + 1 < tokens.Count && tokens[i + 1].Kind is ShellTokenKind.Word or ShellTokenKind.Redirect)
        {
            i++;
            foreach (var inner in tokens[i].Substitutions)
            {
                CollectLiteralCommands(inner, result, depth + 1);
            }
        }
    }

    private static void Flush(ref List<string>? current, List<IReadOnlyList<string>> result)
    {
        if (current is { Count: > 0 })
        {
            result.Add(current);
        }
        current = null;
    }

    // The command name must be an unquoted word that bash runs as a program: not a reserved word,
    // declaration builtin, test bracket or `NAME=value` assignment.
    private static bool IsPlainCommandName(ShellToken token) =>
        !token.Quoted && token.Parts == 1 && !ReservedWords.Contains(token.Text) && !IsAssignment(token);

    private static bool IsAssignment(ShellToken token)
    {
        var text = token.Text;
        var eq = text.IndexOf('=');
        if (eq <= 0)
        {
            return false;
        }
        var name = text[eq - 1] == '+' ? text[..(eq - 1)] : text[..eq];
        return name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
    }
}
