using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cdx.Toml;

/// <summary>Writes a document as toml-test "tagged JSON" (every leaf as {"type": ..., "value": ...}).</summary>
public static class TomlTaggedJson
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="output"/> as UTF-8 tagged JSON.</summary>
    public static void Write(Stream output, TomlTable table, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(table);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            Indented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        WriteValue(writer, table);
    }

    /// <summary>The tagged JSON text for <paramref name="table"/>.</summary>
    public static string ToJson(TomlTable table, bool indented = false)
    {
        using var stream = new MemoryStream();
        Write(stream, table, indented);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter w, TomlValue value)
    {
        switch (value)
        {
            case TomlTable t:
                w.WriteStartObject();
                foreach (var (key, item) in t)
                {
                    w.WritePropertyName(key);
                    WriteValue(w, item);
                }
                w.WriteEndObject();
                break;
            case TomlArray a:
                w.WriteStartArray();
                foreach (var item in a)
                {
                    WriteValue(w, item);
                }
                w.WriteEndArray();
                break;
            case TomlString s:
                Leaf(w, "string", s.Value);
                break;
            case TomlInteger i:
                Leaf(w, "integer", i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case TomlFloat f:
                Leaf(w, "float", TomlFormatter.FormatFloat(f.Value));
                break;
            case TomlBoolean b:
                Leaf(w, "bool", b.Value ? "true" : "false");
                break;
            case TomlDateTime d:
                Leaf(w, d.Kind switch
                {
                    TomlDateTimeKind.OffsetDateTime => "datetime",
                    TomlDateTimeKind.LocalDateTime => "datetime-local",
                    TomlDateTimeKind.LocalDate => "date-local",
                    _ => "time-local",
                }, d.Text);
                break;
        }
    }

    private static void Leaf(Utf8JsonWriter w, string type, string value)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("value", value);
        w.WriteEndObject();
    }
}
