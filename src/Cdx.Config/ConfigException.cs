using Cdx.Toml;

namespace Cdx.Config;

/// <summary>A configuration or requirements error a user must fix; the message names the place.</summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates an error; <paramref name="place"/> is `path:line:col`, a flag, or null.</summary>
    public ConfigException(string? place, string reason, Exception? inner = null)
        : base(place is null ? reason : $"{place}: {reason}", inner)
    {
        Place = place;
        Reason = reason;
    }

    /// <summary>`path:line:col`, the offending flag, or null when the error has no single place.</summary>
    public string? Place { get; }

    /// <summary>What is wrong, without the place.</summary>
    public string Reason { get; }

    /// <summary>Wraps a TOML syntax error so the message keeps its `path:line:col` and caret line.</summary>
    public static ConfigException FromParse(TomlParseException ex, string path)
    {
        var place = $"{ex.SourcePath ?? path}:{ex.Line}:{ex.Column}";
        return new ConfigException(place, ex.Reason, ex);
    }

    /// <summary>An error located at a parsed value (file:line:col when the value came from a file).</summary>
    public static ConfigException At(TomlValue value, string? fallbackPlace, string reason)
    {
        var place = value.SourcePath is { } p
            ? $"{p}:{value.Position.Line}:{value.Position.Column}"
            : fallbackPlace;
        return new ConfigException(place, reason);
    }
}
