namespace Cdx.ExecPolicy.Shell;

/// <summary>The kinds of token <see cref="ShellLexer"/> produces.</summary>
public enum ShellTokenKind
{
    /// <summary>A word (command name, argument, assignment, reserved word).</summary>
    Word,
    /// <summary>A control operator: `&amp;&amp;`, `||`, `;`, `|`, `&amp;`, `;;`, `|&amp;`, `(`, `)`.</summary>
    Operator,
    /// <summary>A redirection operator, possibly with a file-descriptor prefix (`2>`, `&lt;&lt;`, `&gt;&gt;`).</summary>
    Redirect,
    /// <summary>An unquoted newline (a command separator).</summary>
    Newline,
    /// <summary>A `#` comment up to the end of the line.</summary>
    Comment,
}

/// <summary>
/// One token of a shell script. For words, <see cref="Literal"/> is the value after quote removal
/// when the word contains no expansion at all, and <see cref="Plain"/> says whether the word is
/// simple enough to be matched as an argv token without guessing (see docs/rules.md).
/// </summary>
public sealed record ShellToken(ShellTokenKind Kind, string Text, int Offset)
{
    /// <summary>The word after quote removal, or null when it contains an expansion.</summary>
    public string? Literal { get; init; }

    /// <summary>True for words made only of plain characters and quoted strings without escapes or expansions.</summary>
    public bool Plain { get; init; }

    /// <summary>True when any part of the word was quoted.</summary>
    public bool Quoted { get; init; }

    /// <summary>Number of quoted/unquoted pieces the word was built from (concatenation when above one).</summary>
    public int Parts { get; init; }

    /// <summary>Scripts inside `$(...)` and backticks in this word, for scanning nested commands.</summary>
    public IReadOnlyList<string> Substitutions { get; init; } = [];

    /// <summary>True when this is a word with the given unquoted text.</summary>
    public bool IsWord(string text) => Kind == ShellTokenKind.Word && !Quoted && Text == text;
}
