using System.Globalization;

namespace Cdx.ExecPolicy.Starlark;

/// <summary>String methods.</summary>
internal static partial class Methods
{
    private static Func<CallArgs, object>? StringMethod(string s, string name) => name switch
    {
        "capitalize" => a => { Arg(a, name, 0); return s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant(); },
        "lower" => a => { Arg(a, name, 0); return s.ToLowerInvariant(); },
        "upper" => a => { Arg(a, name, 0); return s.ToUpperInvariant(); },
        "title" => a => { Arg(a, name, 0); return Title(s); },
        "strip" or "lstrip" or "rstrip" => a => Strip(s, name, Arg(a, name, 0, "chars")[0]),
        "startswith" or "endswith" => a => AffixTest(s, name, Arg(a, name, 1, "prefix")[0]!),
        "removeprefix" => a =>
        {
            var p = Str(Arg(a, name, 1, "prefix")[0], "prefix");
            return s.StartsWith(p, StringComparison.Ordinal) ? s[p.Length..] : s;
        },
        "removesuffix" => a =>
        {
            var p = Str(Arg(a, name, 1, "suffix")[0], "suffix");
            return s.EndsWith(p, StringComparison.Ordinal) ? s[..^p.Length] : s;
        },
        "replace" => a =>
        {
            var v = Arg(a, name, 2, "old", "new", "count");
            return Replace(s, Str(v[0], "old"), Str(v[1], "new"), v[2] is long n ? n : -1);
        },
        "split" or "rsplit" => a =>
        {
            var v = Arg(a, name, 0, "sep", "maxsplit");
            var sep = v[0] is null or StarNone ? null : Str(v[0], "sep");
            return new StarList(Split(s, sep, v[1] is long n ? n : -1, name == "rsplit").Cast<object>());
        },
        "splitlines" => a =>
        {
            var keep = Arg(a, name, 0, "keepends")[0] is { } k && StarValue.Truth(k);
            return new StarList(SplitLines(s, keep).Cast<object>());
        },
        "join" => a =>
        {
            var items = StarValue.Iterate(Arg(a, name, 1, "to_join")[0]!);
            return string.Join(s, items.Select(i => i as string
                ?? throw new StarlarkError($"Type of parameter `to_join` doesn't match, expected `str`, actual `{StarValue.TypeName(i)}`")));
        },
        "find" or "rfind" or "index" or "rindex" or "count" => a => Search(s, name, Arg(a, name, 1, "needle", "start", "end")),
        "partition" or "rpartition" => a =>
        {
            var sep = Str(Arg(a, name, 1, "needle")[0], "needle");
            if (sep.Length == 0)
            {
                throw new StarlarkError("Empty separator");
            }
            var i = name == "partition" ? s.IndexOf(sep, StringComparison.Ordinal) : s.LastIndexOf(sep, StringComparison.Ordinal);
            return i < 0
                ? name == "partition" ? new StarTuple([s, "", ""]) : new StarTuple(["", "", s])
                : new StarTuple([s[..i], sep, s[(i + sep.Length)..]]);
        },
        "format" => a => Formatting.Format(s, a.Positional, a.Named),
        "isalnum" => a => { Arg(a, name, 0); return s.Length > 0 && s.All(char.IsLetterOrDigit); },
        "isalpha" => a => { Arg(a, name, 0); return s.Length > 0 && s.All(char.IsLetter); },
        "isdigit" => a => { Arg(a, name, 0); return s.Length > 0 && s.All(char.IsDigit); },
        "isspace" => a => { Arg(a, name, 0); return s.Length > 0 && s.All(char.IsWhiteSpace); },
        "islower" => a => { Arg(a, name, 0); return s.Any(char.IsLetter) && !s.Any(char.IsUpper); },
        "isupper" => a => { Arg(a, name, 0); return s.Any(char.IsLetter) && !s.Any(char.IsLower); },
        "istitle" => a => { Arg(a, name, 0); return s.Any(char.IsLetter) && Title(s) == s; },
        "elems" => a => { Arg(a, name, 0); return new StarList(s.Select(c => (object)c.ToString())); },
        "codepoints" => a => { Arg(a, name, 0); return new StarList(s.Select(c => (object)c.ToString())); },
        _ => null,
    };

    private static string Str(object? v, string parameter) => ArgBinder.Expect<string>(v, parameter, "str");

    private static string Title(string s)
    {
        var chars = s.ToCharArray();
        var prevLetter = false;
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = prevLetter ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
            prevLetter = char.IsLetter(chars[i]);
        }
        return new string(chars);
    }

    private static object Strip(string s, string name, object? chars)
    {
        var set = chars is null or StarNone ? null : Str(chars, "chars").ToCharArray();
        return (name, set) switch
        {
            ("strip", null) => s.Trim(),
            ("lstrip", null) => s.TrimStart(),
            ("rstrip", null) => s.TrimEnd(),
            ("strip", _) => s.Trim(set),
            ("lstrip", _) => s.TrimStart(set),
            _ => s.TrimEnd(set),
        };
    }

    private static object AffixTest(string s, string name, object affix)
    {
        var options = affix switch
        {
            string one => [one],
            StarTuple t => t.Items.Select(i => Str(i, "prefix")).ToList(),
            _ => throw new StarlarkError($"Type of parameter `prefix` doesn't match, expected `str | tuple[str, ...]`, actual `{StarValue.TypeName(affix)}`"),
        };
        return options.Any(o => name == "startswith"
            ? s.StartsWith(o, StringComparison.Ordinal)
            : s.EndsWith(o, StringComparison.Ordinal));
    }

    private static string Replace(string s, string old, string replacement, long count)
    {
        if (count < 0)
        {
            return old.Length == 0 ? string.Join(replacement, ["", .. s.Select(c => c.ToString()), ""]) : s.Replace(old, replacement, StringComparison.Ordinal);
        }
        var result = s;
        var start = 0;
        for (var n = 0; n < count; n++)
        {
            var i = result.IndexOf(old, start, StringComparison.Ordinal);
            if (i < 0)
            {
                break;
            }
            result = result[..i] + replacement + result[(i + old.Length)..];
            start = i + replacement.Length;
        }
        return result;
    }

    private static List<string> Split(string s, string? sep, long max, bool fromRight)
    {
        if (sep is not null && sep.Length == 0)
        {
            throw new StarlarkError("Empty separator");
        }
        if (sep is null)
        {
            var words = s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
            if (max < 0 || words.Count <= max + 1)
            {
                return words;
            }
            // Keep the unsplit remainder, as Python does.
            if (!fromRight)
            {
                var head = words.Take((int)max).ToList();
                var rest = s.TrimStart();
                foreach (var w in head)
                {
                    rest = rest[(rest.IndexOf(w, StringComparison.Ordinal) + w.Length)..].TrimStart();
                }
                return [.. head, rest];
            }
            var tail = words.Skip(words.Count - (int)max).ToList();
            var front = s.TrimEnd();
            for (var i = tail.Count - 1; i >= 0; i--)
            {
                front = front[..front.LastIndexOf(tail[i], StringComparison.Ordinal)].TrimEnd();
            }
            return [front, .. tail];
        }
        var parts = s.Split(sep).ToList();
        if (max < 0 || parts.Count <= max + 1)
        {
            return parts;
        }
        return fromRight
            ? [string.Join(sep, parts.Take(parts.Count - (int)max)), .. parts.Skip(parts.Count - (int)max)]
            : [.. parts.Take((int)max), string.Join(sep, parts.Skip((int)max))];
    }

    private static List<string> SplitLines(string s, bool keep)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] is '\n' or '\r')
            {
                var end = i;
                if (s[i] == '\r' && i + 1 < s.Length && s[i + 1] == '\n')
                {
                    i++;
                }
                lines.Add(keep ? s[start..(i + 1)] : s[start..end]);
                start = i + 1;
            }
        }
        if (start < s.Length)
        {
            lines.Add(s[start..]);
        }
        return lines;
    }

    private static object Search(string s, string name, object?[] v)
    {
        var needle = Str(v[0], "needle");
        long Pos(object? x, long dflt) => x is long l ? (l < 0 ? Math.Max(0, l + s.Length) : Math.Min(l, s.Length)) : dflt;
        var start = (int)Pos(v[1], 0);
        var end = (int)Pos(v[2], s.Length);
        var hay = start <= end ? s[start..end] : "";
        if (name == "count")
        {
            if (needle.Length == 0)
            {
                return (long)(hay.Length + 1);
            }
            long n = 0;
            for (var i = hay.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = hay.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
            {
                n++;
            }
            return n;
        }
        var found = name is "find" or "index" ? hay.IndexOf(needle, StringComparison.Ordinal) : hay.LastIndexOf(needle, StringComparison.Ordinal);
        if (found < 0)
        {
            return name is "index" or "rindex" ? throw new StarlarkError("Substring not found") : -1L;
        }
        return (long)(found + start);
    }

    internal static string IntToString(long v) => v.ToString(CultureInfo.InvariantCulture);
}
