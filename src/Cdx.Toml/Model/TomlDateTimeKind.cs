namespace Cdx.Toml;

/// <summary>The four TOML date/time flavours.</summary>
public enum TomlDateTimeKind
{
    /// <summary>Date, time and UTC offset (`1979-05-27T07:32:00Z`).</summary>
    OffsetDateTime,

    /// <summary>Date and time without offset (`1979-05-27T07:32:00`).</summary>
    LocalDateTime,

    /// <summary>A date only (`1979-05-27`).</summary>
    LocalDate,

    /// <summary>A time of day only (`07:32:00`).</summary>
    LocalTime,
}
