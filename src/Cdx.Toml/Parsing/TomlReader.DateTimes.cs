namespace Cdx.Toml.Parsing;

internal sealed partial class TomlReader
{
    private static readonly byte[] DaysInMonth = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    private TomlDateTime ParseDateTime()
    {
        var s = _src;
        var start = _pos;
        var year = FixedDigits(start, 4, "year");
        ExpectChar(start + 4, '-', "date (YYYY-MM-DD)");
        var month = FixedDigits(start + 5, 2, "month");
        ExpectChar(start + 7, '-', "date (YYYY-MM-DD)");
        var day = FixedDigits(start + 8, 2, "day");
        if (month < 1 || month > 12)
        {
            throw Fail(start + 5, $"invalid month {month:D2}; months run 01 to 12");
        }
        var maxDay = month == 2 && !IsLeapYear(year) ? 28 : DaysInMonth[month];
        if (day < 1 || day > maxDay)
        {
            throw Fail(start + 8, $"invalid day {day:D2} for {year:D4}-{month:D2}; that month has {maxDay} days");
        }
        var p = start + 10;
        var hasTime = p < s.Length && (s[p] == 'T' || s[p] == 't' || (s[p] == ' ' && IsDigitAt(p + 1) && IsDigitAt(p + 2) && p + 3 < s.Length && s[p + 3] == ':'));
        if (!hasTime)
        {
            if (!IsValueEnd(p))
            {
                throw Fail(p, $"invalid character {DescribeAt(p)} after a date; separate date and time with 'T'");
            }
            _pos = p;
            return new TomlDateTime(TomlDateTimeKind.LocalDate, s.Substring(start, 10));
        }
        p = ParseTimeOfDay(p + 1);
        var kind = TomlDateTimeKind.LocalDateTime;
        if (p < s.Length && (s[p] == 'Z' || s[p] == 'z'))
        {
            kind = TomlDateTimeKind.OffsetDateTime;
            p++;
        }
        else if (p < s.Length && s[p] is '+' or '-')
        {
            kind = TomlDateTimeKind.OffsetDateTime;
            var hours = FixedDigits(p + 1, 2, "offset hour");
            ExpectChar(p + 3, ':', "UTC offset (+HH:MM)");
            var minutes = FixedDigits(p + 4, 2, "offset minute");
            if (hours > 23 || minutes > 59)
            {
                throw Fail(p, "invalid UTC offset; hours run 00-23 and minutes 00-59");
            }
            p += 6;
        }
        if (!IsValueEnd(p))
        {
            throw Fail(p, $"invalid character {DescribeAt(p)} in a date-time");
        }
        _pos = p;
        return new TomlDateTime(kind, NormaliseDateTime(start, p));
    }

    private static bool IsLeapYear(int year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    private TomlDateTime ParseLocalTime()
    {
        var start = _pos;
        var p = ParseTimeOfDay(start);
        if (!IsValueEnd(p))
        {
            throw Fail(p, $"invalid character {DescribeAt(p)} in a time");
        }
        _pos = p;
        return new TomlDateTime(TomlDateTimeKind.LocalTime, _src.Substring(start, p - start));
    }

    /// <summary>Parses HH:MM:SS(.fraction) at <paramref name="p"/> and returns the index after it.</summary>
    private int ParseTimeOfDay(int p)
    {
        var hour = FixedDigits(p, 2, "hour");
        ExpectChar(p + 2, ':', "time (HH:MM:SS)");
        var minute = FixedDigits(p + 3, 2, "minute");
        if (p + 5 >= _src.Length || _src[p + 5] != ':')
        {
            throw Fail(p + 5, "seconds are required in TOML 1.0.0 times; write HH:MM:SS (e.g. 07:32:00)");
        }
        var second = FixedDigits(p + 6, 2, "second");
        if (hour > 23 || minute > 59 || second > 60)
        {
            throw Fail(p, $"invalid time {hour:D2}:{minute:D2}:{second:D2}; hours run 00-23, minutes 00-59, seconds 00-60");
        }
        p += 8;
        if (p < _src.Length && _src[p] == '.')
        {
            p++;
            if (!IsDigitAt(p))
            {
                throw Fail(p, "a '.' in a time must be followed by fractional-second digits");
            }
            while (IsDigitAt(p))
            {
                p++;
            }
        }
        return p;
    }

    private int FixedDigits(int p, int count, string what)
    {
        var value = 0;
        for (var i = 0; i < count; i++)
        {
            if (!IsDigitAt(p + i))
            {
                throw Fail(p + i, $"invalid date/time: the {what} needs {count} digits, found {DescribeAt(p + i)}");
            }
            value = (value * 10) + (_src[p + i] - '0');
        }
        return value;
    }

    private void ExpectChar(int p, char c, string what)
    {
        if (p >= _src.Length || _src[p] != c)
        {
            throw Fail(p, $"invalid {what}: expected '{c}', found {DescribeAt(p)}");
        }
    }

    /// <summary>The date-time text with 'T' as separator and an upper-case 'Z'.</summary>
    private string NormaliseDateTime(int start, int end) =>
        string.Create(end - start, (_src, start), static (dst, state) =>
        {
            state._src.AsSpan(state.start, dst.Length).CopyTo(dst);
            dst[10] = 'T';
            if (dst[^1] == 'z')
            {
                dst[^1] = 'Z';
            }
        });
}
