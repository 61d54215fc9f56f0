namespace Cdx.Config.Features;

/// <summary>Maturity of a feature flag, as `features list` prints it.</summary>
public enum FeatureStage
{
    /// <summary>Supported.</summary>
    Stable,
    /// <summary>Opt-in, may change.</summary>
    Experimental,
    /// <summary>Work in progress; enabling it prints a warning.</summary>
    UnderDevelopment,
    /// <summary>Still honoured, superseded by a config key or another feature.</summary>
    Deprecated,
    /// <summary>Accepted for compatibility, has no effect.</summary>
    Removed,
}
