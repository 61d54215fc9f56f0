using System.Globalization;

namespace Cdx.ExecPolicy.Starlark;

/// <summary>The standard Starlark global functions available to `.rules` files.</summary>
internal static class Builtins
{
    public static Dictionary<string, object> Standard(Func<object, CallArgs, object> call)
    {
        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        void Add(string name, Func<CallArgs, object> fn) => map[name] = new BuiltinFunction(name, fn);

        Add("abs", a => Bind(a, "abs", 1, "x")[0] switch
        {
            long l => (object)Math.Abs(l),
            double d => (object)Math.Abs(d),
            var x => throw TypeError("x", "int | float", x),
        });
        Add("all", a => StarValue.Iterate(Bind(a, "all", 1, "x")[0]!).All(StarValue.Truth));
        Add("any", a => StarValue.Iterate(Bind(a, "any", 1, "x")[0]!).Any(StarValue.Truth));
        Add("bool", a => Bind(a, "bool", 0, "x")[0] is { } x && StarValue.Truth(x));
        Add("chr", a => char.ConvertFromUtf32((int)ArgBinder.Expect<long>(Bind(a, "chr", 1, "i")[0], "i", "int")));
        Add("ord", a =>
        {
            var s = ArgBinder.Expect<string>(Bind(a, "ord", 1, "a")[0], "a", "str");
            return s.Length >= 1 && char.ConvertToUtf32(s, 0) is var cp && char.ConvertFromUtf32(cp).Length == s.Length
                ? (long)cp
                : throw new StarlarkError("ord: expected a string of one character");
        });
        Add("dict", a =>
        {
            var d = new StarDict();
            if (a.Positional.Count > 1)
            {
                throw new StarlarkError("Too many positional arguments for call to `dict`");
            }
            if (a.Positional.Count == 1)
            {
                FillDict(d, a.Positional[0]);
            }
            foreach (var (k, v) in a.Named)
            {
                d.Set(k, v);
            }
            return d;
        });
        Add("dir", a => new StarList(Dir(Bind(a, "dir", 1, "x")[0]!).Cast<object>()));
        Add("enumerate", a =>
        {
            var v = Bind(a, "enumerate", 1, "it", "start");
            var start = v[1] is null ? 0 : ArgBinder.Expect<long>(v[1], "start", "int");
            return new StarList(StarValue.Iterate(v[0]!).Select((x, i) => (object)new StarTuple([start + i, x])));
        });
        Add("fail", a => throw new StarlarkError("fail: " + string.Join(" ", a.Positional.Select(StarValue.Str))));
        Add("float", a => Bind(a, "float", 0, "a")[0] switch
        {
            null => 0.0,
            long l => (double)l,
            double d => d,
            bool b => b ? 1.0 : 0.0,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            var x => throw new StarlarkError($"float() argument must be a string or a number, not `{StarValue.TypeName(x)}`"),
        });
        Add("getattr", a =>
        {
            var v = Bind(a, "getattr", 2, "a", "attr", "default");
            var name = ArgBinder.Expect<string>(v[1], "attr", "str");
            return Methods.Has(v[0]!, name) || v[2] is null ? Methods.Bind(v[0]!, name, null!) : v[2]!;
        });
        Add("hasattr", a =>
        {
            var v = Bind(a, "hasattr", 2, "a", "attr");
            return Methods.Has(v[0]!, ArgBinder.Expect<string>(v[1], "attr", "str"));
        });
        Add("hash", a => StringHash(ArgBinder.Expect<string>(Bind(a, "hash", 1, "a")[0], "a", "str")));
        Add("int", a => ToInt(Bind(a, "int", 0, "a", "base")));
        Add("len", a => Bind(a, "len", 1, "x")[0] switch
        {
            string s => (long)s.Length,
            StarList l => (long)l.Items.Count,
            StarTuple t => (long)t.Items.Count,
            StarDict d => (long)d.Count,
            StarRange r => r.Count,
            var x => throw new StarlarkError($"Operation `len` not supported on type `{StarValue.TypeName(x!)}`"),
        });
        Add("list", a => new StarList(Bind(a, "list", 0, "a")[0] is { } x ? StarValue.Iterate(x) : []));
        Add("tuple", a => new StarTuple(Bind(a, "tuple", 0, "a")[0] is { } x ? StarValue.Iterate(x) : []));
        Add("max", a => MinMax(a, "max", call, 1));
        Add("min", a => MinMax(a, "min", call, -1));
        Add("range", a => Range(Bind(a, "range", 1, "a1", "a2", "step")));
        Add("repr", a => StarValue.Repr(Bind(a, "repr", 1, "a")[0]!));
        Add("str", a => StarValue.Str(Bind(a, "str", 1, "a")[0]!));
        Add("type", a => StarValue.TypeName(Bind(a, "type", 1, "a")[0]!));
        Add("reversed", a => new StarList(StarValue.Iterate(Bind(a, "reversed", 1, "a")[0]!).Reverse()));
        Add("sorted", a => Sorted(a, call));
        Add("zip", a =>
        {
            var lists = a.Positional.Select(StarValue.Iterate).ToList();
            var n = lists.Count == 0 ? 0 : lists.Min(l => l.Count);
            return new StarList(Enumerable.Range(0, n).Select(i => (object)new StarTuple(lists.Select(l => l[i]))));
        });
        return map;
    }

    // Starlark's string hash is Java's String.hashCode over UTF-16 units.
    private static long StringHash(string s)
    {
        var h = 0;
        foreach (var c in s)
        {
            h = unchecked(31 * h + c);
        }
        return h;
    }

    private static object?[] Bind(CallArgs a, string fn, int required, params string[] names) =>
        ArgBinder.Bind(fn, a, required, names);

    private static StarlarkError TypeError(string parameter, string expected, object? actual) =>
        new($"Type of parameter `{parameter}` doesn't match, expected `{expected}`, actual `{(actual is null ? "NoneType" : StarValue.TypeName(actual))}`");

    public static void FillDict(StarDict d, object source)
    {
        if (source is StarDict other)
        {
            foreach (var (k, v) in other.Entries)
            {
                d.Set(k, v);
            }
            return;
        }
        foreach (var pair in StarValue.Iterate(source))
        {
            var kv = StarValue.Iterate(pair);
            if (kv.Count != 2)
            {
                throw new StarlarkError("dict: each element must be a pair");
            }
            d.Set(kv[0], kv[1]);
        }
    }

    private static IEnumerable<string> Dir(object x)
    {
        string[] candidates =
        [
            "append", "capitalize", "clear", "codepoints", "count", "elems", "endswith", "extend", "find", "format",
            "get", "index", "insert", "isalnum", "isalpha", "isdigit", "islower", "isspace", "istitle", "isupper",
            "items", "join", "keys", "lower", "lstrip", "partition", "pop", "popitem", "remove", "removeprefix",
            "removesuffix", "replace", "rfind", "rindex", "rpartition", "rsplit", "rstrip", "setdefault", "split",
            "splitlines", "startswith", "strip", "title", "update", "upper", "values",
        ];
        return candidates.Where(c => Methods.Has(x, c));
    }

    private static object ToInt(object?[] v)
    {
        switch (v[0])
        {
            case null:
                return 0L;
            case long l:
                return l;
            case bool b:
                return b ? 1L : 0L;
            case double d:
                return double.IsFinite(d) ? (long)Math.Truncate(d) : throw new StarlarkError("int: cannot convert non-finite float");
            case string s:
                var radix = v[1] is long r ? (int)r : 10;
                var text = s.Trim().Replace("_", "");
                var negative = text.StartsWith('-');
                text = text.TrimStart('+', '-');
                if (radix == 16 && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
                {
                    text = text[2..];
                }
                try
                {
                    var value = Convert.ToInt64(text, radix is 2 or 8 or 10 or 16 ? radix : throw new FormatException());
                    return negative ? -value : value;
                }
                catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
                {
                    throw new StarlarkError($"{StarValue.Repr(s)} is not a valid number in base {radix}");
                }
            default:
                throw TypeError("a", "str | int | float | bool", v[0]);
        }
    }

    private static object Range(object?[] v)
    {
        long start = 0, stop, step = 1;
        if (v[1] is null)
        {
            stop = ArgBinder.Expect<long>(v[0], "a1", "int");
        }
        else
        {
            start = ArgBinder.Expect<long>(v[0], "a1", "int");
            stop = ArgBinder.Expect<long>(v[1], "a2", "int");
            step = v[2] is null ? 1 : ArgBinder.Expect<long>(v[2], "step", "int");
        }
        if (step == 0)
        {
            throw new StarlarkError("Range step cannot be zero");
        }
        return new StarRange(start, stop, step);
    }

    private static object MinMax(CallArgs a, string name, Func<object, CallArgs, object> call, int sign)
    {
        var key = a.Named.Where(kv => kv.Key == "key").Select(kv => kv.Value).FirstOrDefault();
        if (a.Named.Any(kv => kv.Key != "key"))
        {
            throw new StarlarkError($"Found `{a.Named.First(kv => kv.Key != "key").Key}` extra named parameter(s) for call to {name}");
        }
        var items = a.Positional.Count == 1 ? StarValue.Iterate(a.Positional[0]) : a.Positional;
        if (items.Count == 0)
        {
            throw new StarlarkError($"Argument is an empty iterable, {name}() expect a non empty iterable");
        }
        object Key(object x) => key is null or StarNone ? x : call(key, new CallArgs([x], [], a.Pos));
        var best = items[0];
        var bestKey = Key(best);
        foreach (var item in items.Skip(1))
        {
            var k = Key(item);
            if (StarValue.Compare(k, bestKey) * sign > 0)
            {
                best = item;
                bestKey = k;
            }
        }
        return best;
    }

    private static object Sorted(CallArgs a, Func<object, CallArgs, object> call)
    {
        var v = Bind(a, "sorted", 1, "x", "key", "reverse");
        var items = StarValue.Iterate(v[0]!);
        var key = v[1];
        var keyed = items.Select(x => (Item: x, Key: key is null or StarNone ? x : call(key, new CallArgs([x], [], a.Pos)))).ToList();
        var sorted = keyed.OrderBy(p => p.Key, Comparer<object>.Create(StarValue.Compare)).Select(p => p.Item).ToList();
        if (v[2] is { } r && StarValue.Truth(r))
        {
            // Stable descending order: sort by reversed comparison, not by reversing the result.
            sorted = keyed.OrderByDescending(p => p.Key, Comparer<object>.Create(StarValue.Compare)).Select(p => p.Item).ToList();
        }
        return new StarList(sorted);
    }
}
