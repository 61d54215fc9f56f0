using Cdx.Toml;

namespace Cdx.Config.Requirements;

/// <summary>Typed reads from a requirements document; errors carry file:line:col and the source.</summary>
internal sealed class RequirementsReader(RequirementsSource source)
{
    public RequirementsSource Source { get; } = source;

    public ConfigException Error(TomlValue at, string reason) =>
        ConfigException.At(at, Source.Label, Source.Path is null ? $"{reason} (set by {Source})" : reason);

    public ConfigException TypeError(TomlValue at, string key, string expected) =>
        Error(at, $"invalid type for `{key}`: expected {expected}, found {at.TypeName()}");

    public TomlTable Table(TomlValue v, string key) => v as TomlTable ?? throw TypeError(v, key, "a table");

    public TomlArray Array(TomlValue v, string key) => v as TomlArray ?? throw TypeError(v, key, "an array");

    public string String(TomlValue v, string key) => v is TomlString s ? s.Value : throw TypeError(v, key, "a string");

    public bool Bool(TomlValue v, string key) => v is TomlBoolean b ? b.Value : throw TypeError(v, key, "a boolean");

    public long Int(TomlValue v, string key, long min, long max)
    {
        var i = v as TomlInteger ?? throw TypeError(v, key, "an integer");
        return i.Value >= min && i.Value <= max ? i.Value : throw Error(v, $"`{key}` must be between {min} and {max}, found {i.Value}");
    }

    public string OneOf(TomlValue v, string key, IReadOnlyList<string> allowed)
    {
        var s = String(v, key);
        return allowed.Contains(s) ? s : throw Error(v, $"unknown variant `{s}` for `{key}`, expected one of {Model.EnumText.Expected(allowed)}");
    }

    public IReadOnlyList<string> Strings(TomlValue v, string key)
    {
        var arr = Array(v, key);
        return arr.Select(item => item is TomlString s ? s.Value : throw Error(item, $"invalid type in `{key}`: expected a string, found {item.TypeName()}")).ToArray();
    }

    public IReadOnlyList<string> Enums(TomlValue v, string key, IReadOnlyList<string> allowed, bool nonEmpty)
    {
        var arr = Array(v, key);
        if (nonEmpty && arr.Count == 0)
        {
            throw Error(v, $"field `{key}` cannot be empty");
        }
        return arr.Select(item => OneOf(item, key, allowed)).ToArray();
    }

    public string NonBlank(TomlValue v, string key)
    {
        var s = String(v, key);
        return string.IsNullOrWhiteSpace(s) ? throw Error(v, $"`{key}` cannot be blank") : s;
    }
}
