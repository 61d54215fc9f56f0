namespace Cdx.Toml.Parsing;

internal sealed partial class TomlReader
{
    // Repeated bare keys (arrays of tables, big configs) share one string instance.
    private Dictionary<string, string>? _keyPool;

    private ParsedKey ParseKey()
    {
        var key = new ParsedKey { LastStart = _pos, Last = ParseKeyPart() };
        while (true)
        {
            var save = _pos;
            SkipWs();
            if (_pos < _src.Length && _src[_pos] == '.')
            {
                _pos++;
                SkipWs();
                (key.Prefix ??= new List<(string, int)>(4)).Add((key.Last, key.LastStart));
                key.LastStart = _pos;
                key.Last = ParseKeyPart();
            }
            else
            {
                _pos = save;
                return key;
            }
        }
    }

    private string ParseKeyPart()
    {
        if (_pos >= _src.Length)
        {
            throw Fail(_pos, "expected a key, found end of input");
        }
        var c = _src[_pos];
        if (c == '"' || c == '\'')
        {
            if (_pos + 2 < _src.Length && _src[_pos + 1] == c && _src[_pos + 2] == c)
            {
                throw Fail(_pos, "a key cannot be a multi-line string; use a single-line \"quoted\" key");
            }
            return c == '"' ? ParseBasicString() : ParseLiteralString();
        }
        var start = _pos;
        var p = _pos;
        var s = _src;
        while (p < s.Length && IsBareKeyChar(s[p]))
        {
            p++;
        }
        if (p == start)
        {
            throw Fail(p, $"expected a key, found {DescribeAt(p)}; bare keys may only use A-Z a-z 0-9 _ -, quote any other key");
        }
        _pos = p;
        return Intern(s.AsSpan(start, p - start));
    }

    private string Intern(ReadOnlySpan<char> text)
    {
        _keyPool ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = _keyPool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var existing))
        {
            return existing;
        }
        var s = text.ToString();
        _keyPool[s] = s;
        return s;
    }

    internal static bool IsBareKeyChar(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_' || c == '-';
}
