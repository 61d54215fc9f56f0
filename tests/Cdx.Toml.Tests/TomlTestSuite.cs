using System.Globalization;
using System.Text.Json;
using Cdx.Testing;

namespace Cdx.Toml.Tests;

/// <summary>The toml-test corpus in ../shared and the runner's notion of "same decoded value".</summary>
internal static class TomlTestSuite
{
    public static string TestsDir => SharedSuite.PathOf("conformance", "toml-test", "tests");

    /// <summary>Suite files (relative paths such as `valid/array/empty.toml`) listed for a TOML version.</summary>
    public static IEnumerable<string> Files(string version, string prefix)
    {
        if (RepoPaths.SharedDir is null)
        {
            // The theory is skipped in this case; one row keeps xunit from reporting "no data".
            return [prefix + "(shared suite absent)"];
        }
        return File.ReadAllLines(Path.Combine(TestsDir, "files-toml-" + version))
            .Select(l => l.Trim())
            .Where(l => l.EndsWith(".toml", StringComparison.Ordinal) && l.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
    }

    public static IEnumerable<object[]> Rows(string version, string prefix) =>
        Files(version, prefix).Select(f => new object[] { f });

    public static byte[] Read(string relative) => File.ReadAllBytes(Path.Combine(TestsDir, relative));

    /// <summary>Null when equal, else a description of the first difference.</summary>
    public static string? Diff(JsonElement got, JsonElement want, string path = "$")
    {
        if (IsLeaf(want))
        {
            if (!IsLeaf(got))
            {
                return $"{path}: expected a leaf, got {got}";
            }
            return LeafEqual(got, want) ? null : $"{path}: expected {want}, got {got}";
        }
        if (want.ValueKind == JsonValueKind.Object)
        {
            if (got.ValueKind != JsonValueKind.Object)
            {
                return $"{path}: expected an object, got {got.ValueKind}";
            }
            var gotKeys = got.EnumerateObject().Select(p => p.Name).ToList();
            var wantKeys = want.EnumerateObject().Select(p => p.Name).ToList();
            if (!gotKeys.OrderBy(k => k, StringComparer.Ordinal).SequenceEqual(wantKeys.OrderBy(k => k, StringComparer.Ordinal)))
            {
                return $"{path}: keys [{string.Join(",", gotKeys)}] instead of [{string.Join(",", wantKeys)}]";
            }
            foreach (var p in want.EnumerateObject())
            {
                var d = Diff(got.GetProperty(p.Name), p.Value, path + "." + p.Name);
                if (d is not null)
                {
                    return d;
                }
            }
            return null;
        }
        if (want.ValueKind == JsonValueKind.Array)
        {
            if (got.ValueKind != JsonValueKind.Array || got.GetArrayLength() != want.GetArrayLength())
            {
                return $"{path}: array length differs";
            }
            for (var i = 0; i < want.GetArrayLength(); i++)
            {
                var d = Diff(got[i], want[i], $"{path}[{i}]");
                if (d is not null)
                {
                    return d;
                }
            }
            return null;
        }
        return $"{path}: unexpected JSON {want.ValueKind}";
    }

    private static bool IsLeaf(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object
        && e.EnumerateObject().Count() == 2
        && e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
        && e.TryGetProperty("value", out var v) && v.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

    private static bool LeafEqual(JsonElement a, JsonElement b)
    {
        var type = b.GetProperty("type").GetString();
        if (a.GetProperty("type").GetString() != type)
        {
            return false;
        }
        var va = a.GetProperty("value").GetString() ?? "";
        var vb = b.GetProperty("value").GetString() ?? "";
        return type switch
        {
            "float" => FloatOf(va).Equals(FloatOf(vb)),
            "integer" => long.Parse(va, CultureInfo.InvariantCulture) == long.Parse(vb, CultureInfo.InvariantCulture),
            "datetime" or "datetime-local" or "time-local" => NormaliseDateTime(type, va) == NormaliseDateTime(type, vb),
            _ => va == vb,
        };
    }

    private static double FloatOf(string s)
    {
        s = s.Replace("_", "", StringComparison.Ordinal);
        return s switch
        {
            "nan" or "+nan" or "-nan" => double.NaN,
            "inf" or "+inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            _ => double.Parse(s, CultureInfo.InvariantCulture),
        };
    }

    // The same normalisation the shared runner applies: 'T', upper 'Z' as +00:00, seconds and
    // trailing fractional zeros made canonical.
    private static string NormaliseDateTime(string type, string v)
    {
        v = v.Replace(' ', 'T').Replace('t', 'T').Replace('z', 'Z');
        if (type == "datetime")
        {
            v = v.Replace("Z", "+00:00", StringComparison.Ordinal);
            var offsetAt = v.Length - 6;
            return CanonicalTime(v[..offsetAt]) + (v[offsetAt..] == "-00:00" ? "+00:00" : v[offsetAt..]);
        }
        return CanonicalTime(v);
    }

    private static string CanonicalTime(string v)
    {
        var dot = v.IndexOf('.', StringComparison.Ordinal);
        var main = dot < 0 ? v : v[..dot];
        var frac = dot < 0 ? "" : v[(dot + 1)..].TrimEnd('0');
        if (main.Length - main.LastIndexOf('T') - 1 == 5 || main.Length == 5)
        {
            main += ":00";
        }
        return frac.Length == 0 ? main : main + "." + frac;
    }
}
