namespace Cdx.Toml;

/// <summary>A TOML string (any of the four syntaxes; escapes already resolved).</summary>
public sealed class TomlString(string value) : TomlValue
{
    /// <summary>The decoded text.</summary>
    public string Value { get; } = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc />
    public override string TypeName => "string";

    /// <inheritdoc />
    public override string ToString() => Value;
}
