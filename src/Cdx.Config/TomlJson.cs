using System.Text.Json.Nodes;
using Cdx.Toml;

namespace Cdx.Config;

/// <summary>Converts TOML values into System.Text.Json nodes (TOML-shaped JSON).</summary>
public static class TomlJson
{
    /// <summary>Strings, numbers and booleans map directly; date-times become their RFC 3339 text.</summary>
    public static JsonNode? ToJson(this TomlValue value) => value switch
    {
        TomlString s => JsonValue.Create(s.Value),
        TomlInteger i => JsonValue.Create(i.Value),
        TomlFloat f when double.IsFinite(f.Value) => JsonValue.Create(f.Value),
        TomlFloat f => JsonValue.Create(double.IsNaN(f.Value) ? "nan" : f.Value > 0 ? "inf" : "-inf"),
        TomlBoolean b => JsonValue.Create(b.Value),
        TomlDateTime d => JsonValue.Create(d.Text),
        TomlArray a => new JsonArray(a.Select(ToJson).ToArray()),
        TomlTable t => ToJsonObject(t),
        _ => null,
    };

    /// <summary>Converts a table, keeping key order.</summary>
    public static JsonObject ToJsonObject(this TomlTable table)
    {
        var obj = new JsonObject();
        foreach (var (k, v) in table)
        {
            obj[k] = v.ToJson();
        }
        return obj;
    }

    /// <summary>A short type name for error messages ("string", "integer", "table", ...).</summary>
    public static string TypeName(this TomlValue value) => value switch
    {
        TomlString => "string",
        TomlInteger => "integer",
        TomlFloat => "float",
        TomlBoolean => "boolean",
        TomlDateTime => "date-time",
        TomlArray => "array",
        TomlTable => "table",
        _ => "value",
    };
}
