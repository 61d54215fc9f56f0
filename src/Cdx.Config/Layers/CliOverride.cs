using Cdx.Toml;

namespace Cdx.Config.Layers;

/// <summary>One parsed `-c key=value` override.</summary>
public sealed record CliOverride(string Raw, IReadOnlyList<string> KeyPath, TomlValue Value)
{
    /// <summary>
    /// Splits on the first `=`, trims both sides, splits the key on every `.`, and parses the value
    /// as a TOML value, falling back to the raw text as a string when it is not valid TOML.
    /// </summary>
    public static CliOverride Parse(string raw)
    {
        var eq = raw.IndexOf('=');
        if (eq < 0)
        {
            throw new ConfigException("-c", $"Invalid override (missing '='): {raw}; write it as -c key=value.");
        }
        var key = raw[..eq].Trim();
        var text = raw[(eq + 1)..].Trim();
        if (key.Length == 0)
        {
            throw new ConfigException("-c", $"Empty key in override: {raw}; write it as -c key=value.");
        }
        var path = key.Split('.');
        if (path.Any(p => p.Length == 0))
        {
            throw new ConfigException("-c", $"Empty key segment in override: {raw}; write dotted keys as a.b.c.");
        }
        TomlValue value;
        try
        {
            value = TomlParser.ParseValue(text);
        }
        catch (TomlParseException)
        {
            value = new TomlString(text);
        }
        return new CliOverride(raw, path, value);
    }
}
