using Cdx.Toml;

namespace Cdx.Config.Layers;

/// <summary>
/// One node of the merged configuration: either a table of children or a leaf TOML value.
/// Leaves remember the layer that set them, which is how every effective key knows its origin.
/// </summary>
public sealed class ConfigNode
{
    private ConfigNode(OrderedDictionary<string, ConfigNode>? children, TomlValue? value, ConfigOrigin origin)
    {
        Children = children;
        Value = value;
        Origin = origin;
    }

    /// <summary>Child nodes when this node is a table, else null.</summary>
    public OrderedDictionary<string, ConfigNode>? Children { get; }

    /// <summary>The TOML value for leaves (tables have none).</summary>
    public TomlValue? Value { get; private set; }

    /// <summary>The layer that set this value (for tables: the layer that first created it).</summary>
    public ConfigOrigin Origin { get; private set; }

    /// <summary>True when this node is a table.</summary>
    public bool IsTable => Children is not null;

    /// <summary>Creates an empty table node.</summary>
    public static ConfigNode NewTable(ConfigOrigin origin) => new(new OrderedDictionary<string, ConfigNode>(), null, origin);

    /// <summary>Creates a leaf node.</summary>
    public static ConfigNode Leaf(TomlValue value, ConfigOrigin origin) => new(null, value, origin);

    /// <summary>Builds a node tree from a parsed TOML value, tagging leaves with their line in the layer.</summary>
    public static ConfigNode FromToml(TomlValue value, ConfigOrigin layer)
    {
        var origin = value.SourcePath is not null ? layer.AtLine(value.Position.Line) : layer;
        if (value is not TomlTable table)
        {
            return Leaf(value, origin);
        }
        var node = new ConfigNode(new OrderedDictionary<string, ConfigNode>(), value, origin);
        foreach (var (k, v) in table)
        {
            node.Children![k] = FromToml(v, layer);
        }
        return node;
    }

    /// <summary>A child by key, or null.</summary>
    public ConfigNode? this[string key] =>
        Children is not null && Children.TryGetValue(key, out var c) ? c : null;

    /// <summary>Follows a key path; null when any step is missing or not a table.</summary>
    public ConfigNode? Find(IEnumerable<string> path)
    {
        var node = this;
        foreach (var seg in path)
        {
            node = node[seg];
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    /// <summary>
    /// Folds a higher-precedence node into this one: tables merge key by key, anything else in
    /// the higher layer replaces the lower value wholesale (arrays are never concatenated).
    /// </summary>
    public void MergeFrom(ConfigNode higher)
    {
        if (Children is null || higher.Children is null)
        {
            throw new InvalidOperationException("MergeFrom needs two tables; replace leaves in the parent.");
        }
        foreach (var (k, hv) in higher.Children)
        {
            if (hv.IsTable && Children.TryGetValue(k, out var lv) && lv.IsTable)
            {
                lv.MergeFrom(hv);
            }
            else
            {
                Children[k] = hv.DeepCopy();
            }
        }
    }

    /// <summary>Sets a leaf at <paramref name="path"/>, creating tables and replacing non-tables in the way.</summary>
    public void SetPath(IReadOnlyList<string> path, ConfigNode value)
    {
        var node = this;
        for (var i = 0; i < path.Count - 1; i++)
        {
            var next = node[path[i]];
            if (next is null || !next.IsTable)
            {
                next = NewTable(value.Origin);
                node.Children![path[i]] = next;
            }
            node = next;
        }
        node.Children![path[^1]] = value;
    }

    /// <summary>Replaces the value and origin of a leaf (used for fallbacks and derived defaults).</summary>
    internal void Reassign(TomlValue value, ConfigOrigin origin)
    {
        Value = value;
        Origin = origin;
    }

    /// <summary>Every leaf with its key path (arrays count as leaves).</summary>
    public IEnumerable<(IReadOnlyList<string> Path, ConfigNode Node)> Leaves()
    {
        var stack = new List<string>();
        return LeavesOf(this, stack);
    }

    private static IEnumerable<(IReadOnlyList<string>, ConfigNode)> LeavesOf(ConfigNode node, List<string> prefix)
    {
        if (!node.IsTable)
        {
            yield return (prefix.ToArray(), node);
            yield break;
        }
        foreach (var (k, child) in node.Children!)
        {
            prefix.Add(k);
            foreach (var leaf in LeavesOf(child, prefix))
            {
                yield return leaf;
            }
            prefix.RemoveAt(prefix.Count - 1);
        }
    }

    /// <summary>Converts back to a TOML table (for typed parsing of sub-trees such as role files).</summary>
    public TomlValue ToToml()
    {
        if (!IsTable)
        {
            return Value!;
        }
        var t = new TomlTable();
        foreach (var (k, c) in Children!)
        {
            t.Add(k, c.ToToml());
        }
        return t;
    }

    private ConfigNode DeepCopy()
    {
        if (!IsTable)
        {
            return new ConfigNode(null, Value, Origin);
        }
        var copy = new ConfigNode(new OrderedDictionary<string, ConfigNode>(), Value, Origin);
        foreach (var (k, c) in Children!)
        {
            copy.Children![k] = c.DeepCopy();
        }
        return copy;
    }
}
