namespace Cdx.ExecPolicy.Starlark;

/// <summary>Kinds of lexical tokens in the Starlark subset.</summary>
public enum TokenKind
{
    /// <summary>An identifier.</summary>
    Identifier,
    /// <summary>A reserved word that is part of the language (def, if, for, ...).</summary>
    Keyword,
    /// <summary>An integer literal.</summary>
    Int,
    /// <summary>A floating point literal.</summary>
    Float,
    /// <summary>A string literal (escapes already decoded).</summary>
    String,
    /// <summary>An f-string literal (raw body; interpolations parsed later).</summary>
    FString,
    /// <summary>An operator or punctuation.</summary>
    Symbol,
    /// <summary>End of a logical line.</summary>
    Newline,
    /// <summary>Indentation increased.</summary>
    Indent,
    /// <summary>Indentation decreased.</summary>
    Dedent,
    /// <summary>End of input.</summary>
    Eof,
}

/// <summary>One token with its text (or decoded value) and start position.</summary>
public sealed record Token(TokenKind Kind, string Text, SourcePosition Position)
{
    /// <summary>Column of the f-string body start (for positions inside interpolations).</summary>
    public int BodyColumn { get; init; }

    /// <summary>True when this is the given symbol or keyword.</summary>
    public bool Is(string text) => (Kind is TokenKind.Symbol or TokenKind.Keyword) && Text == text;

    /// <summary>How the token is named in error messages.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.Identifier => $"identifier '{Text}'",
        TokenKind.Keyword => $"keyword '{Text}'",
        TokenKind.Int or TokenKind.Float => $"number '{Text}'",
        TokenKind.String or TokenKind.FString => "string literal",
        TokenKind.Symbol => $"symbol '{Text}'",
        TokenKind.Newline => "new line",
        TokenKind.Indent => "indentation",
        TokenKind.Dedent => "dedent",
        _ => "end of file",
    };
}
