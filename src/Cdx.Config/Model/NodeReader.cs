using Cdx.Config.Layers;
using Cdx.Toml;

namespace Cdx.Config.Model;

/// <summary>Typed reads from the merged tree; type errors name the file:line:col (or the flag) that set the value.</summary>
internal static class NodeReader
{
    public static ConfigException Error(ConfigNode node, string reason) =>
        node.Value is { } v ? ConfigException.At(v, node.Origin.Place, reason) : new ConfigException(node.Origin.Place, reason);

    public static ConfigException TypeError(ConfigNode node, string key, string expected) =>
        Error(node, $"invalid type for `{key}`: expected {expected}, found {(node.IsTable ? "table" : node.Value!.TypeName())}");

    public static string? String(ConfigNode? parent, string key, string dotted)
    {
        var n = parent?[key];
        if (n is null)
        {
            return null;
        }
        return n.Value is TomlString s && !n.IsTable ? s.Value : throw TypeError(n, dotted, "a string");
    }

    public static bool? Bool(ConfigNode? parent, string key, string dotted)
    {
        var n = parent?[key];
        if (n is null)
        {
            return null;
        }
        return n.Value is TomlBoolean b && !n.IsTable ? b.Value : throw TypeError(n, dotted, "a boolean");
    }

    public static long? Int(ConfigNode? parent, string key, string dotted, long min = long.MinValue)
    {
        var n = parent?[key];
        if (n is null)
        {
            return null;
        }
        if (n.Value is not TomlInteger i || n.IsTable)
        {
            throw TypeError(n, dotted, "an integer");
        }
        if (i.Value < min)
        {
            throw Error(n, $"`{dotted}` must be at least {min}, found {i.Value}");
        }
        return i.Value;
    }

    public static double? Number(ConfigNode? parent, string key, string dotted)
    {
        var n = parent?[key];
        if (n is null)
        {
            return null;
        }
        return n.Value switch
        {
            TomlInteger i when !n.IsTable => i.Value,
            TomlFloat f when !n.IsTable => f.Value,
            _ => throw TypeError(n, dotted, "a number"),
        };
    }

    public static T? Enum<T>(ConfigNode? parent, string key, string dotted) where T : struct, System.Enum
    {
        var text = String(parent, key, dotted);
        if (text is null)
        {
            return null;
        }
        return EnumText.TryParse<T>(text, out var v)
            ? v
            : throw Error(parent![key]!, $"unknown variant `{text}` for `{dotted}`, expected one of {EnumText.Expected(EnumText.Names<T>())}");
    }

    public static string? OneOf(ConfigNode? parent, string key, string dotted, params string[] allowed)
    {
        var text = String(parent, key, dotted);
        if (text is not null && !allowed.Contains(text))
        {
            throw Error(parent![key]!, $"unknown variant `{text}` for `{dotted}`, expected one of {EnumText.Expected(allowed)}");
        }
        return text;
    }

    public static IReadOnlyList<string>? StringArray(ConfigNode? parent, string key, string dotted)
    {
        var n = parent?[key];
        if (n is null)
        {
            return null;
        }
        if (n.IsTable || n.Value is not TomlArray arr)
        {
            throw TypeError(n, dotted, "an array of strings");
        }
        var list = new List<string>();
        foreach (var item in arr)
        {
            list.Add(item is TomlString s
                ? s.Value
                : throw ConfigException.At(item, n.Origin.Place, $"invalid type in `{dotted}`: expected a string, found {item.TypeName()}"));
        }
        return list;
    }

    public static IReadOnlyDictionary<string, string>? StringMap(ConfigNode? parent, string key, string dotted)
    {
        var n = parent?[key];
        if (n is null)
        {
            return null;
        }
        if (!n.IsTable)
        {
            throw TypeError(n, dotted, "a table of strings");
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, child) in n.Children!)
        {
            map[k] = child.Value is TomlString s && !child.IsTable ? s.Value : throw TypeError(child, $"{dotted}.{KeyPath.Quote(k)}", "a string");
        }
        return map;
    }

    public static ConfigNode? Table(ConfigNode? parent, string key, string dotted)
    {
        var n = parent?[key];
        if (n is null)
        {
            return null;
        }
        return n.IsTable ? n : throw TypeError(n, dotted, "a table");
    }

    /// <summary>Resolves a path value against the directory of the file that set it (cwd for flags).</summary>
    public static string ResolvePath(ConfigNode node, string value, string cwd)
    {
        if (value.StartsWith("~/", StringComparison.Ordinal))
        {
            value = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), value[2..]);
        }
        if (Path.IsPathRooted(value))
        {
            return Path.GetFullPath(value);
        }
        var baseDir = node.Origin.Path is { } p ? Path.GetDirectoryName(p)! : cwd;
        return Path.GetFullPath(Path.Combine(baseDir, value));
    }
}
