using System.Text;

namespace Cdx.ExecPolicy.Starlark;

/// <summary>Splits f-string bodies into literal text and interpolated expressions.</summary>
public sealed partial class Parser
{
    private Expr ParseFString(Token tok)
    {
        var raw = tok.Text.StartsWith('\u0001');
        var body = raw ? tok.Text[1..] : tok.Text;
        var parts = new List<object>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (c == '{' && i + 1 < body.Length && body[i + 1] == '{')
            {
                literal.Append('{');
                i += 2;
                continue;
            }
            if (c == '}' && i + 1 < body.Length && body[i + 1] == '}')
            {
                literal.Append('}');
                i += 2;
                continue;
            }
            if (c == '}')
            {
                throw new StarlarkException("Parse error: f-string: single '}' is not allowed", ColumnIn(tok, i));
            }
            if (c != '{')
            {
                literal.Append(c);
                i++;
                continue;
            }
            FlushLiteral(tok, raw, literal, parts);
            var end = FindInterpolationEnd(tok, body, i + 1, out var bang);
            var exprText = body[(i + 1)..(bang < 0 ? end : bang)];
            var expr = ParseInterpolation(tok, exprText, i + 1);
            // `{x!s}` / `{x!r}`: spaces around the letter are allowed, anything else is an error.
            var conversion = bang < 0 ? "s" : body[(bang + 1)..end].Trim(' ');
            parts.Add(conversion switch
            {
                "s" => expr,
                "r" => new FStringRepr(expr),
                _ => throw new StarlarkException("invalid f-string conversion specifier, expected 's' or 'r'", ColumnIn(tok, bang)),
            });
            i = end + 1;
        }
        FlushLiteral(tok, raw, literal, parts);
        return new FStringExpr(tok.Position, parts);
    }

    private void FlushLiteral(Token tok, bool raw, StringBuilder literal, List<object> parts)
    {
        if (literal.Length == 0)
        {
            return;
        }
        var text = literal.ToString();
        parts.Add(raw ? text : Lexer.DecodeEscapes(_file, text, tok.Position));
        literal.Clear();
    }

    private static int FindInterpolationEnd(Token tok, string body, int start, out int bang)
    {
        bang = -1;
        var depth = 0;
        char? quote = null;
        for (var j = start; j < body.Length; j++)
        {
            var c = body[j];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                continue;
            }
            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']':
                    depth--;
                    break;
                case '}' when depth == 0:
                    return j;
                case '}':
                    depth--;
                    break;
                case '!' when depth == 0 && bang < 0 && !(j + 1 < body.Length && body[j + 1] == '='):
                    if (j > start && body[j - 1] == ' ')
                    {
                        throw new StarlarkException("Parse error: invalid input `!`", ColumnIn(tok, j));
                    }
                    bang = j;
                    break;
                case ':' or '!' when depth == 0 && !(c == '!' && j + 1 < body.Length && body[j + 1] == '='):
                    throw new StarlarkException(
                        $"Parse error: unexpected symbol '{c}', expected f-string expression end '}}'", ColumnIn(tok, j));
            }
        }
        throw new StarlarkException("Parse error: f-string: expecting '}'", tok.Position);
    }

    private Expr ParseInterpolation(Token tok, string exprText, int offset)
    {
        if (string.IsNullOrWhiteSpace(exprText))
        {
            throw new StarlarkException("Parse error: f-string: empty expression not allowed", ColumnIn(tok, offset));
        }
        IReadOnlyList<Token> tokens;
        try
        {
            tokens = Lexer.Tokenize(_file, exprText);
        }
        catch (StarlarkException e)
        {
            throw new StarlarkException(e.Detail, ColumnIn(tok, offset));
        }
        // Re-anchor positions at the f-string's place in the file.
        var anchored = tokens
            .Select(t => t with { Position = ColumnIn(tok, offset + t.Position.Column - 1) })
            .ToList();
        var inner = new Parser(_file, anchored);
        var expr = inner.ParseTestList();
        while (inner.Peek.Kind == TokenKind.Newline)
        {
            inner._i++;
        }
        if (inner.Peek.Kind != TokenKind.Eof)
        {
            throw inner.Unexpected("f-string expression end '}'");
        }
        return expr;
    }

    private static SourcePosition ColumnIn(Token tok, int offset) =>
        tok.Position with { Column = tok.BodyColumn + offset };
}
