using Cdx.Toml;

namespace Cdx.Config.Layers;

public sealed partial class LayerStack
{
    private static bool IsValidProfileName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    // Profiles: the legacy `[profiles.<name>]` table first, then `$CODEX_HOME/<name>.config.toml` above it.
    private void AddProfile(ConfigLoadOptions o, string userPath)
    {
        var lower = Merge();
        var name = o.Profile;
        var place = "--profile";
        if (name is null && lower["profile"] is { } selected)
        {
            name = selected.Value is TomlString s && !selected.IsTable
                ? s.Value
                : throw Model.NodeReader.TypeError(selected, "profile", "a string");
            place = selected.Origin.ToString();
        }
        if (name is null)
        {
            return;
        }
        if (!IsValidProfileName(name))
        {
            throw new ConfigException(place, $"invalid profile name `{name}`; use letters, digits, `-` and `_` only.");
        }
        ProfileName = name;
        var found = false;
        if (lower["profiles"]?[name] is { IsTable: true } table)
        {
            var origin = new ConfigOrigin(OriginKind.Profile, $"profile {name}", table.Origin.Path);
            var root = ConfigNode.NewTable(origin);
            root.MergeFrom(table);
            _layers.Add(new ConfigLayer { Kind = LayerKind.Profile, Path = table.Origin.Path, Root = root, Origin = origin });
            found = true;
        }
        var file = Path.Combine(o.CodexHome, $"{name}.config.toml");
        if (File.Exists(file))
        {
            AddFile(LayerKind.Profile, file, new ConfigOrigin(OriginKind.Profile, $"profile {name}", file));
            found = true;
        }
        if (!found)
        {
            throw new ConfigException(place,
                $"config profile `{name}` not found; create {file} or a [profiles.{name}] table in {userPath}.");
        }
    }

    private void AddProjects(string codexHome)
    {
        foreach (var dir in Trust.RootToCwd())
        {
            var path = Path.Combine(dir, ".codex", "config.toml");
            if (!File.Exists(path))
            {
                continue;
            }
            var origin = new ConfigOrigin(OriginKind.Project, "project config", path);
            if (!Trust.Enables(dir))
            {
                var reason = Trust switch
                {
                    { Level: TrustLevel.Untrusted, DecidedBy: { } by } => $"{by} is marked untrusted",
                    // Trust on a subdirectory does not reach the layers above it.
                    { Level: TrustLevel.Trusted, DecidedBy: { } by } => $"only {by} is trusted, not {dir}",
                    _ => $"the project {Trust.Root} is not trusted",
                };
                _notices.Add($"Project config {path} was not loaded because {reason}; to load it, set " +
                    $"[projects.{KeyPath.Quote(Trust.Root)}] trust_level = \"trusted\" in {Path.Combine(codexHome, "config.toml")}.");
                _layers.Add(new ConfigLayer { Kind = LayerKind.Project, Path = path, Enabled = false, DisabledReason = reason, Origin = origin });
                continue;
            }
            var root = ConfigNode.FromToml(ParseFile(path), origin);
            foreach (var key in root.Children!.Keys.Where(ConfigKeys.ProjectIgnored.Contains).ToArray())
            {
                _notices.Add($"Key `{key}` in project config {root[key]!.Origin} is ignored: project config cannot set it; move it to {Path.Combine(codexHome, "config.toml")}.");
                root.Children.Remove(key);
            }
            NoteUnknownKeys(root, path);
            _layers.Add(new ConfigLayer { Kind = LayerKind.Project, Path = path, Root = root, Origin = origin });
        }
    }
}
