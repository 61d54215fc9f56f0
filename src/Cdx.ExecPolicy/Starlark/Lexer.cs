using System.Globalization;
using System.Text;

namespace Cdx.ExecPolicy.Starlark;

/// <summary>Turns Starlark source into tokens, tracking indentation and positions.</summary>
public sealed partial class Lexer
{
    private static readonly HashSet<string> Keywords =
    [
        "and", "break", "continue", "def", "elif", "else", "for", "if", "in", "lambda",
        "load", "not", "or", "pass", "return", "None", "True", "False",
    ];

    // Python words Starlark reserves; using one is a syntax error naming it.
    private static readonly HashSet<string> Reserved =
    [
        "as", "assert", "async", "await", "class", "del", "except", "finally", "from", "global",
        "import", "is", "nonlocal", "raise", "try", "while", "with", "yield",
    ];

    // Longest first so that "**=" wins over "**" and "*".
    private static readonly string[] Symbols =
    [
        "//=", "<<=", ">>=", "**", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
        "^=", "//", "<<", ">>", "->",
        "+", "-", "*", "/", "%", "&", "|", "^", "~", "<", ">", "=", ".", ",", ":", ";",
        "(", ")", "[", "]", "{", "}",
    ];

    private readonly string _src;
    private readonly string _file;
    private readonly List<Token> _tokens = [];
    private readonly Stack<int> _indents = new([0]);
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _depth;

    private Lexer(string file, string src)
    {
        _file = file;
        _src = src.Replace("\r\n", "\n");
    }

    /// <summary>Tokenizes a whole file.</summary>
    public static IReadOnlyList<Token> Tokenize(string file, string source)
    {
        var lexer = new Lexer(file, source);
        lexer.Run();
        return lexer._tokens;
    }

    private SourcePosition Here => new(_file, _line, _pos - _lineStart + 1);

    private SourcePosition At(int pos, int line, int lineStart) => new(_file, line, pos - lineStart + 1);

    private StarlarkException Error(string message, SourcePosition? at = null) =>
        new($"Parse error: {message}", at ?? Here);

    private void Run()
    {
        var atLineStart = true;
        while (true)
        {
            if (atLineStart && _depth == 0)
            {
                if (!HandleIndentation())
                {
                    break;
                }
                atLineStart = false;
            }
            if (_pos >= _src.Length)
            {
                break;
            }
            var c = _src[_pos];
            if (c == '\n')
            {
                if (_depth == 0)
                {
                    AddNewline();
                    atLineStart = true;
                }
                NextLine();
                continue;
            }
            if (c is ' ' or '\t' or '\f')
            {
                _pos++;
                continue;
            }
            if (c == '#')
            {
                SkipComment();
                continue;
            }
            if (c == '\\' && _pos + 1 < _src.Length && _src[_pos + 1] == '\n')
            {
                _pos++;
                NextLine();
                continue;
            }
            LexToken();
        }
        if (_tokens.Count > 0 && _tokens[^1].Kind is not (TokenKind.Newline or TokenKind.Dedent))
        {
            AddNewline();
        }
        while (_indents.Count > 1)
        {
            _indents.Pop();
            _tokens.Add(new Token(TokenKind.Dedent, "", Here));
        }
        _tokens.Add(new Token(TokenKind.Eof, "", Here));
    }

    private void AddNewline()
    {
        if (_tokens.Count > 0 && _tokens[^1].Kind != TokenKind.Newline)
        {
            _tokens.Add(new Token(TokenKind.Newline, "", Here));
        }
    }

    private void NextLine()
    {
        _pos++;
        _line++;
        _lineStart = _pos;
    }

    private void SkipComment()
    {
        while (_pos < _src.Length && _src[_pos] != '\n')
        {
            _pos++;
        }
    }

    /// <summary>Measures the indentation of the next non-blank line; false at end of input.</summary>
    private bool HandleIndentation()
    {
        while (true)
        {
            var width = 0;
            while (_pos < _src.Length && _src[_pos] is ' ' or '\t' or '\f')
            {
                width = _src[_pos] == '\t' ? (width / 8 + 1) * 8 : width + 1;
                _pos++;
            }
            if (_pos >= _src.Length)
            {
                return false;
            }
            if (_src[_pos] == '#')
            {
                SkipComment();
            }
            if (_pos < _src.Length && _src[_pos] == '\n')
            {
                NextLine();
                continue;
            }
            if (_pos >= _src.Length)
            {
                return false;
            }
            ApplyIndent(width);
            return true;
        }
    }

    private void ApplyIndent(int width)
    {
        if (width > _indents.Peek())
        {
            _indents.Push(width);
            _tokens.Add(new Token(TokenKind.Indent, "", Here));
            return;
        }
        while (width < _indents.Peek())
        {
            _indents.Pop();
            _tokens.Add(new Token(TokenKind.Dedent, "", Here));
        }
        if (width != _indents.Peek())
        {
            throw Error("incorrect indentation");
        }
    }

    private void LexToken()
    {
        var c = _src[_pos];
        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _src.Length && char.IsAsciiDigit(_src[_pos + 1])))
        {
            LexNumber();
            return;
        }
        if (char.IsLetter(c) || c == '_')
        {
            if (TryLexPrefixedString())
            {
                return;
            }
            LexWord();
            return;
        }
        if (c is '"' or '\'')
        {
            LexString(raw: false, fstring: false, Here);
            return;
        }
        foreach (var sym in Symbols)
        {
            if (string.CompareOrdinal(_src, _pos, sym, 0, sym.Length) == 0)
            {
                var at = Here;
                _pos += sym.Length;
                if (sym is "(" or "[" or "{")
                {
                    _depth++;
                }
                else if (sym is ")" or "]" or "}" && _depth > 0)
                {
                    _depth--;
                }
                _tokens.Add(new Token(TokenKind.Symbol, sym, at));
                return;
            }
        }
        throw Error($"unexpected character '{c}'");
    }

    private void LexWord()
    {
        var at = Here;
        var start = _pos;
        while (_pos < _src.Length && (char.IsLetterOrDigit(_src[_pos]) || _src[_pos] == '_'))
        {
            _pos++;
        }
        var word = _src[start.._pos];
        if (Reserved.Contains(word))
        {
            throw new StarlarkException($"Parse error: cannot use reserved keyword `{word}`", at);
        }
        _tokens.Add(new Token(Keywords.Contains(word) ? TokenKind.Keyword : TokenKind.Identifier, word, at));
    }

    private void LexNumber()
    {
        var at = Here;
        var start = _pos;
        if (_src[_pos] == '0' && _pos + 1 < _src.Length && char.ToLowerInvariant(_src[_pos + 1]) is 'x' or 'o' or 'b')
        {
            var radix = char.ToLowerInvariant(_src[_pos + 1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            _pos += 2;
            var digitsStart = _pos;
            while (_pos < _src.Length && Uri.IsHexDigit(_src[_pos]))
            {
                _pos++;
            }
            var digits = _src[digitsStart.._pos];
            try
            {
                var value = Convert.ToInt64(digits, radix);
                _tokens.Add(new Token(TokenKind.Int, value.ToString(CultureInfo.InvariantCulture), at));
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
            {
                throw Error($"invalid integer literal '{_src[start.._pos]}'", at);
            }
            return;
        }
        var isFloat = false;
        while (_pos < _src.Length && (char.IsAsciiDigit(_src[_pos]) || _src[_pos] == '.'
            || char.ToLowerInvariant(_src[_pos]) == 'e'
            || ((_src[_pos] is '+' or '-') && char.ToLowerInvariant(_src[_pos - 1]) == 'e')))
        {
            isFloat |= _src[_pos] is '.' or 'e' or 'E';
            _pos++;
        }
        var text = _src[start.._pos];
        if (!isFloat && text.Length > 1 && text[0] == '0' && text.Any(ch => ch != '0'))
        {
            throw Error($"invalid integer literal '{text}' (leading zeros are not allowed)", at);
        }
        _tokens.Add(new Token(isFloat ? TokenKind.Float : TokenKind.Int, text, at));
    }
}
