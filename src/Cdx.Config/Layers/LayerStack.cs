using Cdx.Config.Features;
using Cdx.Config.Model;
using Cdx.Toml;

namespace Cdx.Config.Layers;

/// <summary>Builds the ordered layer stack (lowest first) and merges the enabled layers.</summary>
public sealed partial class LayerStack
{
    private readonly List<ConfigLayer> _layers = [];
    private readonly List<string> _notices;

    private LayerStack(List<string> notices) => _notices = notices;

    /// <summary>All layers, lowest precedence first, including disabled ones.</summary>
    public IReadOnlyList<ConfigLayer> Layers => _layers;

    /// <summary>The project and its trust decision.</summary>
    public ProjectTrust Trust { get; private set; } = null!;

    /// <summary>The selected profile name, or null.</summary>
    public string? ProfileName { get; private set; }

    /// <summary>Loads every layer for <paramref name="o"/>; notices are appended to <paramref name="notices"/>.</summary>
    public static LayerStack Build(ConfigLoadOptions o, List<string> notices)
    {
        var stack = new LayerStack(notices);
        var systemPath = Path.Combine(o.SystemConfigDir, "config.toml");
        var userPath = Path.Combine(o.CodexHome, "config.toml");
        stack.AddFile(LayerKind.System, systemPath, new ConfigOrigin(OriginKind.System, "system config", systemPath));
        stack.AddFile(LayerKind.User, userPath, new ConfigOrigin(OriginKind.User, "user config", userPath));
        stack.AddProfile(o, userPath);

        var lower = stack.Merge();
        var markers = NodeReader.StringArray(lower, "project_root_markers", "project_root_markers") ?? [".git"];
        var projects = ConfigModelBuilder.ReadProjects(lower);
        stack.Trust = ProjectTrust.Resolve(o.Cwd, markers, projects);
        stack.AddProjects(o.CodexHome);
        stack.AddSessionFlags(o);
        var managedPath = Path.Combine(o.SystemConfigDir, "managed_config.toml");
        stack.AddFile(LayerKind.ManagedConfig, managedPath, new ConfigOrigin(OriginKind.ManagedConfig, "managed config", managedPath));
        return stack;
    }

    /// <summary>Folds every enabled layer into one tree, lowest first.</summary>
    public ConfigNode Merge()
    {
        var root = ConfigNode.NewTable(ConfigOrigin.BuiltIn);
        foreach (var layer in _layers.Where(l => l.Enabled && l.Root is not null))
        {
            root.MergeFrom(layer.Root!);
        }
        return root;
    }

    private void AddFile(LayerKind kind, string path, ConfigOrigin origin)
    {
        if (!File.Exists(path))
        {
            return;
        }
        var root = ConfigNode.FromToml(ParseFile(path), origin);
        _layers.Add(new ConfigLayer { Kind = kind, Path = path, Root = root, Origin = origin });
        NoteUnknownKeys(root, path);
    }

    /// <summary>Parses a config file, turning syntax errors into `path:line:col` errors.</summary>
    internal static TomlTable ParseFile(string path)
    {
        try
        {
            return TomlParser.ParseFile(path);
        }
        catch (TomlParseException ex)
        {
            throw ConfigException.FromParse(ex, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, $"cannot read the file ({ex.Message}); fix its permissions or remove it");
        }
    }

    private void NoteUnknownKeys(ConfigNode root, string where)
    {
        foreach (var (key, node) in root.Children!)
        {
            if (!ConfigKeys.TopLevel.Contains(key))
            {
                _notices.Add($"Unknown configuration key `{KeyPath.Quote(key)}` at {node.Origin} is ignored; check its spelling against docs/configuration.md.");
            }
        }
    }

    // `oss_provider` as the layers below the dedicated flags set it (-c included, like Codex).
    private string? ConfiguredOssProvider(ConfigNode sessionRoot)
    {
        return ConfigModelBuilder.ReadOssProvider(sessionRoot["oss_provider"] is null ? Merge() : sessionRoot);
    }

    private void AddSessionFlags(ConfigLoadOptions o)
    {
        var root = ConfigNode.NewTable(new ConfigOrigin(OriginKind.CliOverride, "-c"));
        foreach (var raw in o.Overrides)
        {
            var ov = CliOverride.Parse(raw);
            root.SetPath(ov.KeyPath, ConfigNode.FromToml(ov.Value, new ConfigOrigin(OriginKind.CliOverride, $"-c {raw}")));
        }
        foreach (var (names, value, flag) in new[] { (o.Enable, true, "--enable"), (o.Disable, false, "--disable") })
        {
            foreach (var name in names)
            {
                var spec = FeatureRegistry.Find(name)
                    ?? throw new ConfigException(flag, $"Unknown feature flag: {name}; run `cdx features list` to see the known features.");
                root.SetPath(["features", spec.Name],
                    ConfigNode.Leaf(new TomlBoolean(value), new ConfigOrigin(OriginKind.FeatureFlag, $"{flag} {name}")));
            }
        }
        foreach (var (flag, key, value) in o.Flags.Entries(ConfiguredOssProvider(root)))
        {
            root.SetPath([key], ConfigNode.Leaf(new TomlString(value), new ConfigOrigin(OriginKind.DedicatedFlag, $"{flag} {value}")));
        }
        if (root.Children!.Count > 0)
        {
            NoteUnknownKeys(root, "-c");
            _layers.Add(new ConfigLayer { Kind = LayerKind.SessionFlags, Root = root, Origin = root.Origin });
        }
    }
}
