using System.Globalization;
using System.Text;

namespace Cdx.ExecPolicy.Starlark;

/// <summary>String literal scanning: quotes, triple quotes, prefixes and escapes.</summary>
public sealed partial class Lexer
{
    private bool TryLexPrefixedString()
    {
        var at = Here;
        var i = _pos;
        var prefix = new StringBuilder();
        while (i < _src.Length && i - _pos < 2 && _src[i] is 'r' or 'f' or 'b')
        {
            prefix.Append(_src[i]);
            i++;
        }
        if (prefix.Length == 0 || i >= _src.Length || _src[i] is not ('"' or '\''))
        {
            return false;
        }
        var p = prefix.ToString();
        if (p is not ("r" or "f" or "fr"))
        {
            // Byte strings and other prefixes are outside the subset Codex accepts.
            throw Error($"unsupported string prefix '{p}'", at);
        }
        _pos = i;
        LexString(raw: p.Contains('r'), fstring: p.Contains('f'), at);
        return true;
    }

    private void LexString(bool raw, bool fstring, SourcePosition at)
    {
        var quote = _src[_pos];
        var triple = _pos + 2 < _src.Length && _src[_pos + 1] == quote && _src[_pos + 2] == quote;
        _pos += triple ? 3 : 1;
        var bodyColumn = _pos - _lineStart + 1;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _src.Length)
            {
                throw Error("unfinished string literal", at);
            }
            var c = _src[_pos];
            if (c == quote && (!triple || (_pos + 2 < _src.Length && _src[_pos + 1] == quote && _src[_pos + 2] == quote)))
            {
                _pos += triple ? 3 : 1;
                break;
            }
            if (c == '\n')
            {
                if (!triple)
                {
                    throw Error("unfinished string literal", at);
                }
                sb.Append('\n');
                NextLine();
                continue;
            }
            if (c == '\\')
            {
                if (raw || fstring)
                {
                    // Raw strings keep the backslash; f-strings decode escapes after splitting.
                    sb.Append(c);
                    _pos++;
                    if (_pos < _src.Length)
                    {
                        if (_src[_pos] == '\n')
                        {
                            sb.Append('\n');
                            NextLine();
                        }
                        else
                        {
                            sb.Append(_src[_pos]);
                            _pos++;
                        }
                    }
                    continue;
                }
                ReadEscape(sb);
                continue;
            }
            sb.Append(c);
            _pos++;
        }
        var kind = fstring ? TokenKind.FString : TokenKind.String;
        var text = sb.ToString();
        if (fstring && raw)
        {
            text = "\u0001" + text; // marker: raw f-string, do not decode escapes
        }
        _tokens.Add(new Token(kind, text, at) { BodyColumn = bodyColumn });
    }

    private void ReadEscape(StringBuilder sb)
    {
        var at = Here;
        _pos++;
        if (_pos >= _src.Length)
        {
            throw Error("unfinished string literal", at);
        }
        var c = _src[_pos];
        _pos++;
        switch (c)
        {
            case '\n':
                _line++;
                _lineStart = _pos;
                return;
            case 'n': sb.Append('\n'); return;
            case 't': sb.Append('\t'); return;
            case 'r': sb.Append('\r'); return;
            case 'a': sb.Append('\a'); return;
            case 'b': sb.Append('\b'); return;
            case 'f': sb.Append('\f'); return;
            case 'v': sb.Append('\v'); return;
            case '\\': sb.Append('\\'); return;
            case '\'': sb.Append('\''); return;
            case '"': sb.Append('"'); return;
            case 'x': sb.Append((char)ReadHex(2, at)); return;
            case 'u': sb.Append(char.ConvertFromUtf32(ReadHex(4, at))); return;
            case 'U': sb.Append(char.ConvertFromUtf32(ReadHex(8, at))); return;
        }
        if (c is >= '0' and <= '7')
        {
            var value = c - '0';
            for (var n = 0; n < 2 && _pos < _src.Length && _src[_pos] is >= '0' and <= '7'; n++)
            {
                value = value * 8 + (_src[_pos] - '0');
                _pos++;
            }
            sb.Append((char)value);
            return;
        }
        // Unknown escapes keep the backslash, as Codex's Starlark does.
        sb.Append('\\').Append(c);
    }

    private int ReadHex(int count, SourcePosition at)
    {
        if (_pos + count > _src.Length
            || !int.TryParse(_src.AsSpan(_pos, count), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
        {
            throw Error("invalid escape sequence", at);
        }
        _pos += count;
        if (value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
        {
            throw Error("invalid escape sequence", at);
        }
        return value;
    }

    /// <summary>Decodes backslash escapes of a literal fragment (used for f-string text parts).</summary>
    internal static string DecodeEscapes(string file, string text, SourcePosition at)
    {
        var lexer = new Lexer(file, text);
        var sb = new StringBuilder();
        while (lexer._pos < lexer._src.Length)
        {
            if (lexer._src[lexer._pos] == '\\')
            {
                try
                {
                    lexer.ReadEscape(sb);
                }
                catch (StarlarkException e)
                {
                    throw new StarlarkException(e.Detail, at);
                }
                continue;
            }
            sb.Append(lexer._src[lexer._pos]);
            lexer._pos++;
        }
        return sb.ToString();
    }
}
