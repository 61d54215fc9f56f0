namespace Cdx.Toml;

/// <summary>A TOML float (IEEE 754 binary64, including inf and nan).</summary>
public sealed class TomlFloat(double value) : TomlValue
{
    /// <summary>The float value.</summary>
    public double Value { get; } = value;

    /// <inheritdoc />
    public override string TypeName => "float";

    /// <inheritdoc />
    public override string ToString() => TomlFormatter.FormatFloat(Value);
}
