using System.Globalization;
using System.Text;

namespace Cdx.ExecPolicy.Starlark;

/// <summary>Type names, truth, equality, ordering and rendering of Starlark values.</summary>
public static class StarValue
{
    /// <summary>Equality comparer for dict keys (Starlark equality and hashing).</summary>
    public static readonly IEqualityComparer<object> KeyComparer = new Comparer();

    /// <summary>The Starlark type name, as `type(x)` returns it.</summary>
    public static string TypeName(object v) => v switch
    {
        StarNone => "NoneType",
        bool => "bool",
        long => "int",
        double => "float",
        string => "string",
        StarList => "list",
        StarTuple => "tuple",
        StarDict => "dict",
        StarRange => "range",
        StarCallable => "function",
        _ => v.GetType().Name,
    };

    /// <summary>Starlark truthiness.</summary>
    public static bool Truth(object v) => v switch
    {
        StarNone => false,
        bool b => b,
        long i => i != 0,
        double d => d != 0,
        string s => s.Length > 0,
        StarList l => l.Items.Count > 0,
        StarTuple t => t.Items.Count > 0,
        StarDict d => d.Count > 0,
        StarRange r => r.Count > 0,
        _ => true,
    };

    /// <summary>Throws when <paramref name="key"/> cannot be a dict key.</summary>
    public static void CheckHashable(object key)
    {
        switch (key)
        {
            case StarList or StarDict:
                throw new StarlarkError($"Value of type `{TypeName(key)}` is not hashable");
            case StarTuple t:
                foreach (var item in t.Items)
                {
                    CheckHashable(item);
                }
                break;
        }
    }

    /// <summary>Starlark `==`.</summary>
    public static new bool Equals(object a, object b) => (a, b) switch
    {
        (long x, long y) => x == y,
        (long x, double y) => x == y,
        (double x, long y) => x == y,
        (double x, double y) => x == y,
        (string x, string y) => x == y,
        (bool x, bool y) => x == y,
        (StarNone, StarNone) => true,
        (StarList x, StarList y) => SequenceEquals(x.Items, y.Items),
        (StarTuple x, StarTuple y) => SequenceEquals(x.Items, y.Items),
        (StarDict x, StarDict y) => DictEquals(x, y),
        _ => ReferenceEquals(a, b),
    };

    private static bool SequenceEquals(IReadOnlyList<object> a, IReadOnlyList<object> b) =>
        a.Count == b.Count && a.Zip(b).All(p => Equals(p.First, p.Second));

    private static bool DictEquals(StarDict a, StarDict b) =>
        a.Count == b.Count && a.Entries.All(e => b.TryGet(e.Key, out var v) && Equals(e.Value, v));

    /// <summary>Starlark ordering for `&lt;` and sorting.</summary>
    public static int Compare(object a, object b) => (a, b) switch
    {
        (long x, long y) => x.CompareTo(y),
        (long x, double y) => ((double)x).CompareTo(y),
        (double x, long y) => x.CompareTo(y),
        (double x, double y) => x.CompareTo(y),
        (string x, string y) => string.CompareOrdinal(x, y),
        (bool x, bool y) => x.CompareTo(y),
        (StarList x, StarList y) => CompareSequences(x.Items, y.Items),
        (StarTuple x, StarTuple y) => CompareSequences(x.Items, y.Items),
        _ => throw new StarlarkError($"Operation `<` not supported for types `{TypeName(a)}` and `{TypeName(b)}`"),
    };

    private static int CompareSequences(IReadOnlyList<object> a, IReadOnlyList<object> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (!Equals(a[i], b[i]))
            {
                return Compare(a[i], b[i]);
            }
        }
        return a.Count.CompareTo(b.Count);
    }

    /// <summary>`str(x)`: strings render bare, everything else as repr.</summary>
    public static string Str(object v) => v is string s ? s : Repr(v);

    /// <summary>`repr(x)`.</summary>
    public static string Repr(object v)
    {
        var sb = new StringBuilder();
        AppendRepr(sb, v);
        return sb.ToString();
    }

    private static void AppendRepr(StringBuilder sb, object v)
    {
        switch (v)
        {
            case StarNone:
                sb.Append("None");
                break;
            case bool b:
                sb.Append(b ? "True" : "False");
                break;
            case long i:
                sb.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(FormatFloat(d));
                break;
            case string s:
                AppendQuoted(sb, s);
                break;
            case StarList l:
                AppendItems(sb, "[", l.Items, "]");
                break;
            case StarTuple t:
                AppendItems(sb, "(", t.Items, t.Items.Count == 1 ? ",)" : ")");
                break;
            case StarDict d:
                sb.Append('{');
                var first = true;
                foreach (var (key, value) in d.Entries)
                {
                    sb.Append(first ? "" : ", ");
                    first = false;
                    AppendRepr(sb, key);
                    sb.Append(": ");
                    AppendRepr(sb, value);
                }
                sb.Append('}');
                break;
            case StarFunction f:
                sb.Append(f.QualifiedName);
                break;
            case StarCallable c:
                sb.Append(c.Name);
                break;
            case StarRange r:
                sb.Append(r.ToString());
                break;
            default:
                sb.Append(v);
                break;
        }
    }

    private static void AppendItems(StringBuilder sb, string open, IReadOnlyList<object> items, string close)
    {
        sb.Append(open);
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }
            AppendRepr(sb, items[i]);
        }
        sb.Append(close);
    }

    private static void AppendQuoted(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ' or '\x7f': sb.Append($"\\x{(int)c:x2}"); break;
                default: sb.Append(c); break;
            }
        }
        sb.Append('"');
    }

    /// <summary>Renders a float the way Starlark does (`1.0`, `0.5`, `1e+20`).</summary>
    public static string FormatFloat(double d)
    {
        if (double.IsNaN(d))
        {
            return "nan";
        }
        if (double.IsInfinity(d))
        {
            return d > 0 ? "+inf" : "-inf";
        }
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        if (r.Contains('E'))
        {
            r = r.Replace("E", "e");
            return r.Contains("e-") || r.Contains("e+") ? r : r.Replace("e", "e+");
        }
        return r.Contains('.') ? r : r + ".0";
    }

    /// <summary>Items of an iterable value, or an error naming its type.</summary>
    public static IReadOnlyList<object> Iterate(object v) => v switch
    {
        StarList l => l.Items.ToList(),
        StarTuple t => t.Items,
        StarDict d => d.Keys.ToList(),
        StarRange r => r.Count > 10_000_000 ? throw new StarlarkError("range is too large to iterate") : r.Items().ToList(),
        _ => throw new StarlarkError($"Operation `(iter)` not supported on type `{TypeName(v)}`"),
    };

    private sealed class Comparer : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) => x is not null && y is not null && StarValue.Equals(x, y);

        public int GetHashCode(object obj) => obj switch
        {
            long i => ((double)i).GetHashCode(),
            double d => d.GetHashCode(),
            StarTuple t => t.Items.Aggregate(17, (h, item) => h * 31 + GetHashCode(item)),
            _ => obj.GetHashCode(),
        };
    }
}
