using Cdx.Toml;

namespace Cdx.Config.Features;

/// <summary>
/// `features enable|disable`: writes `[features].name` into the user (or profile) config.toml,
/// format-preserving and atomically, unless a requirement pins the feature to the other value.
/// </summary>
public static class FeatureWriter
{
    /// <summary>Sets the feature; returns the file written. Throws <see cref="ConfigException"/> when refused.</summary>
    public static string Set(EffectiveConfig effective, string name, bool value)
    {
        var spec = FeatureRegistry.Find(name)
            ?? throw new ConfigException(value ? "enable" : "disable", $"Unknown feature flag: {name}; run `cdx features list` to see the known features.");
        if (effective.Requirements.FeaturePins is { } pins && pins.Value.TryGetValue(spec.Name, out var pinned) && pinned != value)
        {
            throw new ConfigException(null,
                $"feature `{spec.Name}` is pinned to {(pinned ? "true" : "false")} by requirements (set by {pins.Source}); " +
                "config.toml was not changed. Ask your administrator to change the requirement.");
        }
        var o = effective.Options;
        var path = effective.Profile is { } profile && File.Exists(Path.Combine(o.CodexHome, $"{profile}.config.toml"))
            ? Path.Combine(o.CodexHome, $"{profile}.config.toml")
            : Path.Combine(o.CodexHome, "config.toml");
        Directory.CreateDirectory(o.CodexHome);
        try
        {
            var editor = TomlEditor.Open(path);
            editor.Set(["features", spec.Name], new TomlBoolean(value));
            editor.Save(path);
        }
        catch (TomlParseException ex)
        {
            throw ConfigException.FromParse(ex, path);
        }
        catch (TomlEditException ex)
        {
            throw new ConfigException(path, $"cannot set features.{spec.Name}: {ex.Message}; edit the file by hand.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, $"cannot write the file ({ex.Message}); check its permissions.");
        }
        return path;
    }
}
