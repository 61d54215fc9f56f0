namespace Cdx.Toml.Parsing;

internal sealed partial class TomlReader
{
    // Arrays and inline tables recurse; a bound keeps hostile input (`a = [[[[...`) a parse error
    // instead of a stack overflow, which no caller could catch. Real configs nest a few levels.
    private const int MaxNesting = 256;

    private int _depth;

    private TomlValue ParseValue()
    {
        if (_pos >= _src.Length)
        {
            throw Fail(_pos, "expected a value, found end of input");
        }
        // Take the position first: strings and arrays may span lines.
        var start = _pos;
        var position = PositionAt(start);
        TomlValue value;
        var c = _src[_pos];
        switch (c)
        {
            case '"':
                value = new TomlString(IsTripleQuote('"') ? ParseMultilineString('"') : ParseBasicString());
                break;
            case '\'':
                value = new TomlString(IsTripleQuote('\'') ? ParseMultilineString('\'') : ParseLiteralString());
                break;
            case 't':
                value = ParseKeyword("true", true);
                break;
            case 'f':
                value = ParseKeyword("false", false);
                break;
            case '[':
                EnterNested(start);
                value = ParseArray();
                _depth--;
                break;
            case '{':
                EnterNested(start);
                value = ParseInlineTable();
                _depth--;
                break;
            default:
                if (c == '+' || c == '-' || c == 'i' || c == 'n' || (uint)(c - '0') <= 9)
                {
                    value = ParseNumberOrDateTime();
                    break;
                }
                throw Fail(start, $"expected a value, found {Describe(c)}; strings must be quoted (\"...\")");
        }
        value.Position = position;
        value.SourcePath = _path;
        return value;
    }

    private void EnterNested(int index)
    {
        if (++_depth > MaxNesting)
        {
            throw Fail(index, $"arrays and inline tables are nested more than {MaxNesting} levels deep; flatten the value");
        }
    }

    private bool IsTripleQuote(char q) => _pos + 2 < _src.Length && _src[_pos + 1] == q && _src[_pos + 2] == q;

    private TomlBoolean ParseKeyword(string word, bool which)
    {
        if (string.CompareOrdinal(_src, _pos, word, 0, word.Length) != 0 || !IsValueEnd(_pos + word.Length))
        {
            throw Fail(_pos, $"expected a value; did you mean {word}? (TOML booleans are lower-case true and false, strings must be quoted)");
        }
        _pos += word.Length;
        return new TomlBoolean(which);
    }

    /// <summary>True when a scalar value may end before index <paramref name="p"/>.</summary>
    private bool IsValueEnd(int p)
    {
        if (p >= _src.Length)
        {
            return true;
        }
        var c = _src[p];
        return c is ' ' or '\t' or '\n' or '\r' or '#' or ',' or ']' or '}';
    }

    private TomlArray ParseArray()
    {
        var open = _pos;
        var array = new TomlArray();
        _pos++;
        while (true)
        {
            SkipWsCommentsNewlines();
            if (_pos >= _src.Length)
            {
                throw Fail(open, "unterminated array; add the closing ']'");
            }
            if (_src[_pos] == ']')
            {
                _pos++;
                return array;
            }
            array.AddItem(ParseValue());
            SkipWsCommentsNewlines();
            if (_pos >= _src.Length)
            {
                throw Fail(open, "unterminated array; add the closing ']'");
            }
            var c = _src[_pos];
            if (c == ']')
            {
                _pos++;
                return array;
            }
            if (c != ',')
            {
                throw Fail(_pos, $"expected ',' or ']' after an array element, found {Describe(c)}");
            }
            _pos++;
        }
    }

    private TomlTable ParseInlineTable()
    {
        var open = _pos;
        var table = new TomlTable(TableOrigin.Inline);
        var section = _nextSection++;
        _pos++;
        SkipWs();
        if (_pos < _src.Length && _src[_pos] == '}')
        {
            _pos++;
        }
        else
        {
            while (true)
            {
                if (_pos >= _src.Length || _src[_pos] is '\n' or '\r')
                {
                    throw Fail(_pos, "inline table is not closed on its line; TOML 1.0.0 inline tables must end with '}' on the same line");
                }
                ParseKeyValue(table, section);
                SkipWs();
                if (_pos >= _src.Length || _src[_pos] is '\n' or '\r')
                {
                    throw Fail(_pos, "inline table is not closed on its line; TOML 1.0.0 inline tables must end with '}' on the same line");
                }
                var c = _src[_pos++];
                if (c == '}')
                {
                    break;
                }
                if (c != ',')
                {
                    throw Fail(_pos - 1, $"expected ',' or '}}' in inline table, found {Describe(c)}");
                }
                SkipWs();
                if (_pos < _src.Length && _src[_pos] == '}')
                {
                    throw Fail(_pos - 1, "trailing comma in inline table; TOML 1.0.0 does not allow a ',' before '}'");
                }
            }
        }
        Freeze(table);
        _rec?.OnInlineTable(table, open, _pos - 1);
        return table;
    }
}
