using System.Globalization;

namespace Cdx.Toml.Parsing;

internal sealed partial class TomlReader
{
    private TomlValue ParseNumberOrDateTime()
    {
        var s = _src;
        var start = _pos;
        if (IsDigitAt(start) && IsDigitAt(start + 1))
        {
            if (start + 4 < s.Length && IsDigitAt(start + 2) && IsDigitAt(start + 3) && s[start + 4] == '-')
            {
                return ParseDateTime();
            }
            if (start + 2 < s.Length && s[start + 2] == ':')
            {
                return ParseLocalTime();
            }
        }
        var p = start;
        var negative = false;
        var signed = s[p] is '+' or '-';
        if (signed)
        {
            negative = s[p] == '-';
            p++;
        }
        if (p < s.Length && (s[p] == 'i' || s[p] == 'n'))
        {
            return ParseInfNan(p, negative);
        }
        if (!signed && s[p] == '0' && p + 1 < s.Length && s[p + 1] is 'x' or 'o' or 'b')
        {
            return ParseRadixInteger(p);
        }
        return ParseDecimal(start, p, negative);
    }

    private TomlValue ParseDecimal(int start, int p, bool negative)
    {
        var s = _src;
        var intStart = p;
        if (!IsDigitAt(p))
        {
            throw Fail(p, $"expected a digit, found {DescribeAt(p)}");
        }
        p = ScanDigits(p, 10);
        if (s[intStart] == '0' && p - intStart > 1)
        {
            throw Fail(intStart, "leading zeros are not allowed in TOML numbers; write 0o17 for octal");
        }
        var isFloat = false;
        if (p < s.Length && s[p] == '.')
        {
            isFloat = true;
            p++;
            if (!IsDigitAt(p))
            {
                throw Fail(p, "a '.' in a float must have digits on both sides (write 1.0, not 1.)");
            }
            p = ScanDigits(p, 10);
        }
        if (p < s.Length && (s[p] == 'e' || s[p] == 'E'))
        {
            isFloat = true;
            p++;
            if (p < s.Length && s[p] is '+' or '-')
            {
                p++;
            }
            if (!IsDigitAt(p))
            {
                throw Fail(p, "a float exponent needs digits (write 1e6)");
            }
            p = ScanDigits(p, 10);
        }
        if (!IsValueEnd(p))
        {
            throw Fail(p, $"invalid character {DescribeAt(p)} in a number");
        }
        _pos = p;
        return isFloat ? new TomlFloat(ParseDouble(start, p)) : new TomlInteger(DecimalValue(start, intStart, p, negative));
    }

    private long DecimalValue(int start, int digitsStart, int end, bool negative)
    {
        ulong acc = 0;
        // 2^63 is the largest magnitude (for the negative case).
        const ulong limit = 9223372036854775808UL;
        for (var i = digitsStart; i < end; i++)
        {
            var c = _src[i];
            if (c == '_')
            {
                continue;
            }
            var d = (ulong)(c - '0');
            if (acc > (limit - d) / 10)
            {
                throw Fail(start, "integer is out of the 64-bit range (-9223372036854775808 to 9223372036854775807)");
            }
            acc = (acc * 10) + d;
        }
        if (!negative && acc > long.MaxValue)
        {
            throw Fail(start, "integer is out of the 64-bit range (-9223372036854775808 to 9223372036854775807)");
        }
        return negative ? unchecked((long)(0UL - acc)) : (long)acc;
    }

    private TomlInteger ParseRadixInteger(int p)
    {
        var start = p;
        var (radix, bits, name) = _src[p + 1] switch
        {
            'x' => (16, 4, "hexadecimal"),
            'o' => (8, 3, "octal"),
            _ => (2, 1, "binary"),
        };
        p += 2;
        if (p >= _src.Length || DigitValue(_src[p], radix) < 0)
        {
            throw Fail(p, $"expected a {name} digit after '{_src.AsSpan(start, 2)}', found {DescribeAt(p)}");
        }
        var end = ScanDigits(p, radix);
        if (!IsValueEnd(end))
        {
            throw Fail(end, $"invalid character {DescribeAt(end)} in a {name} integer");
        }
        ulong acc = 0;
        for (var i = p; i < end; i++)
        {
            if (_src[i] == '_')
            {
                continue;
            }
            if (acc >> (63 - bits) != 0)
            {
                throw Fail(start, "integer is out of the 64-bit range (largest is 0x7fffffffffffffff)");
            }
            acc = (acc << bits) | (uint)DigitValue(_src[i], radix);
        }
        _pos = end;
        return new TomlInteger((long)acc);
    }

    /// <summary>Scans digit (_? digit)* from a position holding a digit; underscores must sit between digits.</summary>
    private int ScanDigits(int p, int radix)
    {
        var s = _src;
        p++;
        while (p < s.Length)
        {
            var c = s[p];
            if (DigitValue(c, radix) >= 0)
            {
                p++;
            }
            else if (c == '_')
            {
                if (p + 1 >= s.Length || DigitValue(s[p + 1], radix) < 0)
                {
                    throw Fail(p, "'_' in a number must sit between two digits");
                }
                p += 2;
            }
            else
            {
                break;
            }
        }
        return p;
    }

    private TomlFloat ParseInfNan(int p, bool negative)
    {
        var s = _src;
        double value;
        if (string.CompareOrdinal(s, p, "inf", 0, 3) == 0)
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
        }
        else if (string.CompareOrdinal(s, p, "nan", 0, 3) == 0)
        {
            value = double.NaN;
        }
        else
        {
            throw Fail(_pos, "expected a value; strings must be quoted (\"...\"), special floats are written inf and nan");
        }
        if (!IsValueEnd(p + 3))
        {
            throw Fail(p + 3, $"invalid character {DescribeAt(p + 3)} after '{s.AsSpan(p, 3)}'");
        }
        _pos = p + 3;
        return new TomlFloat(value);
    }

    private double ParseDouble(int start, int end)
    {
        var length = end - start;
        Span<char> buffer = length <= 128 ? stackalloc char[length] : new char[length];
        var n = 0;
        for (var i = start; i < end; i++)
        {
            if (_src[i] != '_')
            {
                buffer[n++] = _src[i];
            }
        }
        return double.Parse(buffer[..n], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static int DigitValue(char c, int radix)
    {
        var d = radix == 16 ? HexValue(c) : (uint)(c - '0') <= 9 ? c - '0' : -1;
        return d < radix ? d : -1;
    }

    private bool IsDigitAt(int p) => p < _src.Length && (uint)(_src[p] - '0') <= 9;
}
