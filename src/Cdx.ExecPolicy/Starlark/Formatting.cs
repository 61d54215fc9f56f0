using System.Globalization;
using System.Text;

namespace Cdx.ExecPolicy.Starlark;

/// <summary>`"..." % args` and `"...".format(...)`.</summary>
internal static class Formatting
{
    public static string Percent(string fmt, object args)
    {
        var values = args is StarTuple t ? t.Items : [args];
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < fmt.Length; i++)
        {
            var c = fmt[i];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }
            if (++i >= fmt.Length)
            {
                throw new StarlarkError("Incomplete format");
            }
            var conv = fmt[i];
            if (conv == '%')
            {
                sb.Append('%');
                continue;
            }
            if (next >= values.Count)
            {
                throw new StarlarkError("Not enough arguments for format string");
            }
            var v = values[next++];
            sb.Append(conv switch
            {
                's' => StarValue.Str(v),
                'r' => StarValue.Repr(v),
                'd' or 'i' => v switch
                {
                    long l => l.ToString(CultureInfo.InvariantCulture),
                    double d => ((long)Math.Truncate(d)).ToString(CultureInfo.InvariantCulture),
                    _ => throw new StarlarkError($"`%d` format requires a number, got `{StarValue.TypeName(v)}`"),
                },
                'x' or 'X' or 'o' => v is long n
                    ? Convert.ToString(n, conv == 'o' ? 8 : 16) is var s && conv == 'X' ? s.ToUpperInvariant() : Convert.ToString(n, conv == 'o' ? 8 : 16)
                    : throw new StarlarkError($"`%{conv}` format requires an integer"),
                _ => throw new StarlarkError($"Unsupported format character '{conv}'"),
            });
        }
        if (next < values.Count)
        {
            throw new StarlarkError("Too many arguments for format string");
        }
        return sb.ToString();
    }

    public static string Format(string fmt, IReadOnlyList<object> positional, IReadOnlyList<KeyValuePair<string, object>> named)
    {
        var sb = new StringBuilder();
        var auto = 0;
        for (var i = 0; i < fmt.Length; i++)
        {
            var c = fmt[i];
            if (c == '{' && i + 1 < fmt.Length && fmt[i + 1] == '{')
            {
                sb.Append('{');
                i++;
                continue;
            }
            if (c == '}' && i + 1 < fmt.Length && fmt[i + 1] == '}')
            {
                sb.Append('}');
                i++;
                continue;
            }
            if (c == '}')
            {
                throw new StarlarkError("Standalone '}' in format string");
            }
            if (c != '{')
            {
                sb.Append(c);
                continue;
            }
            var end = fmt.IndexOf('}', i);
            if (end < 0)
            {
                throw new StarlarkError("Unmatched '{' in format string");
            }
            var field = fmt[(i + 1)..end];
            var conversion = 's';
            var bang = field.IndexOf('!');
            if (bang >= 0)
            {
                conversion = field.Length > bang + 1 ? field[bang + 1] : 's';
                field = field[..bang];
            }
            object value;
            if (field.Length == 0)
            {
                value = auto < positional.Count ? positional[auto++] : throw new StarlarkError("Not enough parameters in format string");
            }
            else if (int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                value = index < positional.Count ? positional[index] : throw new StarlarkError($"Format index `{index}` out of range");
            }
            else
            {
                var match = named.Where(kv => kv.Key == field).ToList();
                value = match.Count > 0 ? match[0].Value : throw new StarlarkError($"Key `{field}` not found");
            }
            sb.Append(conversion == 'r' ? StarValue.Repr(value) : StarValue.Str(value));
            i = end;
        }
        return sb.ToString();
    }
}
