using System.Text;

namespace Cdx.Toml.Parsing;

/// <summary>
/// The hand-written TOML 1.0.0 scanner/parser. One instance parses one input; it walks the string
/// with an index and builds the document model directly, so no tokens are allocated.
/// </summary>
internal sealed partial class TomlReader
{
    private readonly string _src;
    private readonly string? _path;
    private readonly ISyntaxRecorder? _rec;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    // Column cache: positions are asked for in increasing order on a line, so counting resumes.
    private int _colIndex;
    private int _colValue = 1;

    private TomlTable _root = null!;
    private TomlTable _current = null!;
    private int _section;
    private int _nextSection = 1;
    private StringBuilder? _sb;

    public TomlReader(string src, string? path, ISyntaxRecorder? recorder)
    {
        _src = src;
        _path = path;
        _rec = recorder;
    }

    public TomlTable ParseDocument()
    {
        _root = new TomlTable(TableOrigin.Root) { Position = new TomlPosition(1, 1), SourcePath = _path };
        _current = _root;
        if (_src.Length > 0 && _src[0] == '\uFEFF')
        {
            // A byte-order mark is tolerated at the very start and is not a column.
            _pos = 1;
            _colIndex = 1;
        }
        while (true)
        {
            SkipWs();
            if (_pos >= _src.Length)
            {
                break;
            }
            switch (_src[_pos])
            {
                case '#':
                    SkipComment();
                    break;
                case '\n':
                case '\r':
                    ConsumeNewline();
                    break;
                case '[':
                    ParseTableHeader();
                    ExpectEndOfLine("table header");
                    break;
                default:
                    ParseKeyValue(_current, _section);
                    ExpectEndOfLine("value");
                    break;
            }
        }
        _rec?.OnEnd(_src.Length);
        return _root;
    }

    public TomlValue ParseStandaloneValue()
    {
        SkipWs();
        if (_pos >= _src.Length)
        {
            throw Fail(_pos, "expected a TOML value (string, number, boolean, date, array or inline table)");
        }
        _root = new TomlTable(TableOrigin.Root);
        var value = ParseValue();
        SkipWs();
        if (_pos < _src.Length && _src[_pos] == '#')
        {
            SkipComment();
        }
        if (_pos < _src.Length)
        {
            throw Fail(_pos, "unexpected text after the value; quote the whole value if it is meant as a string");
        }
        return value;
    }

    public IReadOnlyList<string> ParseStandaloneKey()
    {
        SkipWs();
        var key = ParseKey();
        SkipWs();
        if (_pos < _src.Length)
        {
            throw Fail(_pos, "unexpected character in key; quote key parts that contain anything but A-Z a-z 0-9 _ -");
        }
        return key.ToArray();
    }

    private void ExpectEndOfLine(string after)
    {
        SkipWs();
        if (_pos >= _src.Length)
        {
            return;
        }
        var c = _src[_pos];
        if (c == '#')
        {
            SkipComment();
            return;
        }
        if (c == '\n' || (c == '\r' && _pos + 1 < _src.Length && _src[_pos + 1] == '\n'))
        {
            return;
        }
        if (c == '\r')
        {
            throw Fail(_pos, "carriage return (U+000D) must be followed by a line feed; use LF or CRLF line endings");
        }
        throw Fail(_pos, $"expected end of line after {after}, found {Describe(c)}; put each key = value on its own line");
    }

    private void SkipWs()
    {
        var s = _src;
        var p = _pos;
        while (p < s.Length && (s[p] == ' ' || s[p] == '\t'))
        {
            p++;
        }
        _pos = p;
    }

    /// <summary>Skips a comment up to (not including) its line ending, rejecting control characters.</summary>
    private void SkipComment()
    {
        var s = _src;
        var p = _pos + 1;
        while (p < s.Length)
        {
            var c = s[p];
            if (c == '\n')
            {
                break;
            }
            if ((c < 0x20 && c != '\t') || c == 0x7F)
            {
                if (c == '\r' && p + 1 < s.Length && s[p + 1] == '\n')
                {
                    break;
                }
                throw Fail(p, $"control character {Describe(c)} is not allowed in a comment");
            }
            if (char.IsSurrogate(c))
            {
                p = CheckSurrogatePair(p);
                continue;
            }
            p++;
        }
        _pos = p;
    }

    /// <summary>Consumes `\n` or `\r\n` at the current position and starts a new line.</summary>
    private void ConsumeNewline()
    {
        if (_src[_pos] == '\r')
        {
            if (_pos + 1 >= _src.Length || _src[_pos + 1] != '\n')
            {
                throw Fail(_pos, "carriage return (U+000D) must be followed by a line feed; use LF or CRLF line endings");
            }
            _pos++;
        }
        _pos++;
        NewLine(_pos);
    }

    private void NewLine(int lineStart)
    {
        _line++;
        _lineStart = lineStart;
    }

    /// <summary>Skips whitespace, comments and newlines (inside arrays).</summary>
    private void SkipWsCommentsNewlines()
    {
        while (_pos < _src.Length)
        {
            var c = _src[_pos];
            if (c == ' ' || c == '\t')
            {
                _pos++;
            }
            else if (c == '\n' || c == '\r')
            {
                ConsumeNewline();
            }
            else if (c == '#')
            {
                SkipComment();
            }
            else
            {
                break;
            }
        }
    }

    private int CheckSurrogatePair(int p)
    {
        if (char.IsHighSurrogate(_src[p]) && p + 1 < _src.Length && char.IsLowSurrogate(_src[p + 1]))
        {
            return p + 2;
        }
        throw Fail(p, "unpaired UTF-16 surrogate; the text is not valid Unicode");
    }

    private TomlPosition PositionAt(int index)
    {
        if (_colIndex < _lineStart || _colIndex > index)
        {
            _colIndex = _lineStart;
            _colValue = 1;
        }
        var s = _src;
        var col = _colValue;
        for (var i = _colIndex; i < index; i++)
        {
            if (!char.IsLowSurrogate(s[i]))
            {
                col++;
            }
        }
        _colIndex = index;
        _colValue = col;
        return new TomlPosition(_line, col);
    }

    private T At<T>(T value, int index)
        where T : TomlValue
    {
        value.Position = PositionAt(index);
        value.SourcePath = _path;
        return value;
    }

    private TomlParseException Fail(int index, string reason) => TomlParseException.Create(_path, _src, index, reason);

    private static string Describe(char c) => c switch
    {
        '\n' => "end of line",
        '\t' => "a tab",
        _ when c < 0x20 || c == 0x7F => $"U+{(int)c:X4}",
        _ => $"'{c}'",
    };

    private string DescribeAt(int index) => index >= _src.Length ? "end of input" : Describe(_src[index]);
}
