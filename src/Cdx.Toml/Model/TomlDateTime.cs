namespace Cdx.Toml;

/// <summary>A TOML date, time or date-time, kept as its RFC 3339 text (separator normalised to 'T').</summary>
public sealed class TomlDateTime : TomlValue
{
    internal TomlDateTime(TomlDateTimeKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>Which of the four flavours this is.</summary>
    public TomlDateTimeKind Kind { get; }

    /// <summary>The RFC 3339 text as written, with 'T' as the date/time separator and 'Z' upper-case.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override string TypeName => Kind switch
    {
        TomlDateTimeKind.OffsetDateTime => "offset date-time",
        TomlDateTimeKind.LocalDateTime => "local date-time",
        TomlDateTimeKind.LocalDate => "local date",
        _ => "local time",
    };

    /// <summary>Parses TOML date/time text (`1979-05-27T07:32:00Z`, `07:32:00`, ...); throws TomlParseException.</summary>
    public static TomlDateTime Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TomlParser.ParseValue(text) as TomlDateTime
            ?? throw TomlParseException.Create(null, text, 0, "expected a TOML date or time such as 1979-05-27T07:32:00Z");
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
