using System.Globalization;
using System.Text;

namespace Cdx.Toml;

/// <summary>Writes TOML text for keys and values (used by the editor and for display).</summary>
public static class TomlFormatter
{
    /// <summary>A key part as TOML: bare when possible, else a basic string.</summary>
    public static string FormatKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length > 0)
        {
            var bare = true;
            foreach (var c in key)
            {
                if (!Parsing.TomlReader.IsBareKeyChar(c))
                {
                    bare = false;
                    break;
                }
            }
            if (bare)
            {
                return key;
            }
        }
        return FormatString(key);
    }

    /// <summary>A dotted key path as TOML (`a."b.c".d`).</summary>
    public static string FormatKeyPath(ReadOnlySpan<string> parts)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (sb.Length > 0)
            {
                sb.Append('.');
            }
            sb.Append(FormatKey(part));
        }
        return sb.ToString();
    }

    /// <summary>A string as a TOML basic string with the escapes it needs.</summary>
    public static string FormatString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c == 0x7F)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>A float as TOML (`inf`, `-inf`, `nan`, and always with a '.' or exponent).</summary>
    public static string FormatFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny('.', 'E', 'e') >= 0 ? text : text + ".0";
    }

    /// <summary>A value as inline TOML text (`"x"`, `42`, `[1, 2]`, `{ a = 1 }`).</summary>
    public static string FormatValue(TomlValue value)
    {
        var sb = new StringBuilder();
        AppendValue(sb, value);
        return sb.ToString();
    }

    private static void AppendValue(StringBuilder sb, TomlValue value)
    {
        switch (value)
        {
            case TomlString s:
                sb.Append(FormatString(s.Value));
                break;
            case TomlInteger i:
                sb.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case TomlFloat f:
                sb.Append(FormatFloat(f.Value));
                break;
            case TomlBoolean b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case TomlDateTime d:
                sb.Append(d.Text);
                break;
            case TomlArray a:
                sb.Append('[');
                for (var k = 0; k < a.Count; k++)
                {
                    sb.Append(k == 0 ? "" : ", ");
                    AppendValue(sb, a[k]);
                }
                sb.Append(']');
                break;
            case TomlTable t:
                if (t.Count == 0)
                {
                    sb.Append("{}");
                    break;
                }
                sb.Append("{ ");
                var first = true;
                foreach (var (key, item) in t)
                {
                    sb.Append(first ? "" : ", ").Append(FormatKey(key)).Append(" = ");
                    AppendValue(sb, item);
                    first = false;
                }
                sb.Append(" }");
                break;
            default:
                throw new ArgumentException($"unknown TOML value type {value.GetType().Name}", nameof(value));
        }
    }
}
