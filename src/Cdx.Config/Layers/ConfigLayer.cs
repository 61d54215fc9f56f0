namespace Cdx.Config.Layers;

/// <summary>One layer of the stack as loaded: enabled layers take part in the merge.</summary>
public sealed record ConfigLayer
{
    /// <summary>What kind of layer this is.</summary>
    public required LayerKind Kind { get; init; }

    /// <summary>Absolute file path, or null for flag layers.</summary>
    public string? Path { get; init; }

    /// <summary>The layer's content (null when disabled and never parsed).</summary>
    public ConfigNode? Root { get; init; }

    /// <summary>False when the layer exists but is ignored (e.g. an untrusted project).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Why a disabled layer is ignored.</summary>
    public string? DisabledReason { get; init; }

    /// <summary>The origin given to every value of this layer.</summary>
    public required ConfigOrigin Origin { get; init; }
}
