namespace Cdx.Toml;

/// <summary>A TOML integer (64-bit signed).</summary>
public sealed class TomlInteger(long value) : TomlValue
{
    /// <summary>The integer value.</summary>
    public long Value { get; } = value;

    /// <inheritdoc />
    public override string TypeName => "integer";

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
