namespace Cdx.Config.Layers;

/// <summary>Trust recorded for a project in the user config (`projects."path".trust_level`).</summary>
public enum TrustLevel
{
    /// <summary>No entry for this directory or its project root.</summary>
    Unknown,
    /// <summary>`trust_level = "trusted"`.</summary>
    Trusted,
    /// <summary>`trust_level = "untrusted"`.</summary>
    Untrusted,
}
