namespace Cdx.ExecPolicy.Starlark;

/// <summary>Binary operators, indexing and slicing.</summary>
internal static class Operators
{
    public static object Binary(string op, object a, object b)
    {
        switch (op)
        {
            case "==":
                return StarValue.Equals(a, b);
            case "!=":
                return !StarValue.Equals(a, b);
            case "<":
                return StarValue.Compare(a, b) < 0;
            case ">":
                return StarValue.Compare(a, b) > 0;
            case "<=":
                return StarValue.Compare(a, b) <= 0;
            case ">=":
                return StarValue.Compare(a, b) >= 0;
            case "in":
                return Contains(b, a);
            case "not in":
                return !Contains(b, a);
        }
        try
        {
            return Arithmetic(op, a, b) ?? throw Unsupported(op, a, b);
        }
        catch (OverflowException)
        {
            throw new StarlarkError($"Integer overflow in `{op}`");
        }
    }

    private static StarlarkError Unsupported(string op, object a, object b) =>
        new($"Operation `{op}` not supported for types `{StarValue.TypeName(a)}` and `{StarValue.TypeName(b)}`");

    private static object? Arithmetic(string op, object a, object b) => (op, a, b) switch
    {
        ("+", long x, long y) => checked(x + y),
        ("-", long x, long y) => checked(x - y),
        ("*", long x, long y) => checked(x * y),
        ("//", long x, long y) => FloorDiv(x, y),
        ("%", long x, long y) => FloorMod(x, y),
        ("/", long x, long y) => y == 0 ? throw new StarlarkError("Division by zero") : (double)x / y,
        ("&", long x, long y) => x & y,
        ("|", long x, long y) => x | y,
        ("^", long x, long y) => x ^ y,
        ("<<", long x, long y) => y < 0 ? throw new StarlarkError("Negative shift count") : checked(x << (int)y),
        (">>", long x, long y) => y < 0 ? throw new StarlarkError("Negative shift count") : x >> (int)Math.Min(y, 63),
        ("+" or "-" or "*" or "/" or "//" or "%", long or double, long or double) => FloatOp(op, ToDouble(a), ToDouble(b)),
        ("+", string x, string y) => x + y,
        ("+", StarList x, StarList y) => new StarList(x.Items.Concat(y.Items)),
        ("+", StarTuple x, StarTuple y) => new StarTuple(x.Items.Concat(y.Items)),
        ("*", string x, long n) => Repeat(x, n),
        ("*", long n, string x) => Repeat(x, n),
        ("*", StarList x, long n) => new StarList(RepeatItems(x.Items, n)),
        ("*", long n, StarList x) => new StarList(RepeatItems(x.Items, n)),
        ("*", StarTuple x, long n) => new StarTuple(RepeatItems(x.Items, n)),
        ("*", long n, StarTuple x) => new StarTuple(RepeatItems(x.Items, n)),
        ("%", string fmt, _) => Formatting.Percent(fmt, b),
        ("|", StarDict x, StarDict y) => Union(x, y),
        _ => null,
    };

    private static double ToDouble(object v) => v is long l ? l : (double)v;

    private static object FloatOp(string op, double x, double y)
    {
        if (op is "/" or "//" or "%" && y == 0)
        {
            throw new StarlarkError("Division by zero");
        }
        return op switch
        {
            "+" => x + y,
            "-" => x - y,
            "*" => x * y,
            "/" => x / y,
            "//" => Math.Floor(x / y),
            _ => x - y * Math.Floor(x / y),
        };
    }

    private static long FloorDiv(long x, long y)
    {
        if (y == 0)
        {
            throw new StarlarkError("Division by zero");
        }
        var q = x / y;
        return (x % y != 0 && (x < 0) != (y < 0)) ? q - 1 : q;
    }

    private static long FloorMod(long x, long y)
    {
        if (y == 0)
        {
            throw new StarlarkError("Division by zero");
        }
        var r = x % y;
        return (r != 0 && (r < 0) != (y < 0)) ? r + y : r;
    }

    private static string Repeat(string s, long n) => n <= 0 ? "" : string.Concat(Enumerable.Repeat(s, (int)n));

    private static IEnumerable<object> RepeatItems(IReadOnlyList<object> items, long n) =>
        n <= 0 ? [] : Enumerable.Repeat(items, (int)n).SelectMany(x => x);

    private static StarDict Union(StarDict x, StarDict y)
    {
        var d = new StarDict();
        foreach (var (k, v) in x.Entries.Concat(y.Entries))
        {
            d.Set(k, v);
        }
        return d;
    }

    private static bool Contains(object container, object item) => container switch
    {
        string s when item is string sub => s.Contains(sub, StringComparison.Ordinal),
        string => throw new StarlarkError($"Operation `in` not supported for types `{StarValue.TypeName(item)}` and `string`"),
        StarList l => l.Items.Any(x => StarValue.Equals(x, item)),
        StarTuple t => t.Items.Any(x => StarValue.Equals(x, item)),
        StarDict d => d.TryGet(item, out _),
        StarRange r => item is long n && (r.Step > 0 ? n >= r.Start && n < r.Stop : n <= r.Start && n > r.Stop) && (n - r.Start) % r.Step == 0,
        _ => throw new StarlarkError($"Operation `in` not supported for types `{StarValue.TypeName(item)}` and `{StarValue.TypeName(container)}`"),
    };

    public static int NormalizeIndex(object key, int count)
    {
        if (key is not long i)
        {
            throw new StarlarkError($"Type of parameter `index` doesn't match, expected `int`, actual `{StarValue.TypeName(key)}`");
        }
        var n = i < 0 ? i + count : i;
        if (n < 0 || n >= count)
        {
            throw new StarlarkError($"Index `{i}` is out of bound");
        }
        return (int)n;
    }

    public static object Index(object container, object key) => container switch
    {
        StarList l => l.Items[NormalizeIndex(key, l.Items.Count)],
        StarTuple t => t.Items[NormalizeIndex(key, t.Items.Count)],
        string s => s[NormalizeIndex(key, s.Length)].ToString(),
        StarDict d => d.TryGet(key, out var v) ? v : throw new StarlarkError($"Key `{StarValue.Repr(key)}` was not found"),
        StarRange r => r[NormalizeIndex(key, (int)Math.Min(r.Count, int.MaxValue))],
        _ => throw new StarlarkError($"Operation `[]` not supported on type `{StarValue.TypeName(container)}`"),
    };

    public static object Slice(object target, object? lo, object? hi, object? step)
    {
        IReadOnlyList<object> items = target switch
        {
            StarList l => l.Items,
            StarTuple t => t.Items,
            StarRange r => StarValue.Iterate(r),
            string s => s.Select(c => (object)c.ToString()).ToList(),
            _ => throw new StarlarkError($"Operation `[::]` not supported on type `{StarValue.TypeName(target)}`"),
        };
        var indices = SliceIndices(items.Count, lo, hi, step);
        var picked = indices.Select(i => items[i]).ToList();
        return target switch
        {
            StarList or StarRange => new StarList(picked),
            StarTuple => new StarTuple(picked),
            _ => string.Concat(picked.Cast<string>()),
        };
    }

    private static IEnumerable<int> SliceIndices(int count, object? lo, object? hi, object? step)
    {
        long AsLong(object? v, long dflt) => v switch
        {
            null or StarNone => dflt,
            long l => l,
            _ => throw new StarlarkError($"Slice indices must be integers, got `{StarValue.TypeName(v)}`"),
        };
        var st = AsLong(step, 1);
        if (st == 0)
        {
            throw new StarlarkError("Slice step cannot be zero");
        }
        long Clamp(long v, long min, long max) => Math.Max(min, Math.Min(max, v < 0 ? v + count : v));
        if (st > 0)
        {
            var start = Clamp(AsLong(lo, 0), 0, count);
            var end = Clamp(AsLong(hi, count), 0, count);
            for (var i = start; i < end; i += st)
            {
                yield return (int)i;
            }
        }
        else
        {
            var start = lo is null or StarNone ? count - 1 : Clamp(AsLong(lo, 0), -1, count - 1);
            var end = hi is null or StarNone ? -1 : Clamp(AsLong(hi, 0), -1, count - 1);
            for (var i = start; i > end; i += st)
            {
                yield return (int)i;
            }
        }
    }
}
