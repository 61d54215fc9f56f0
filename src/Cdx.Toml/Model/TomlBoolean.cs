namespace Cdx.Toml;

/// <summary>A TOML boolean.</summary>
public sealed class TomlBoolean(bool value) : TomlValue
{
    /// <summary>The boolean value.</summary>
    public bool Value { get; } = value;

    /// <inheritdoc />
    public override string TypeName => "boolean";

    /// <inheritdoc />
    public override string ToString() => Value ? "true" : "false";
}
