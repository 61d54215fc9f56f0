namespace Cdx.Config.Features;

/// <summary>One feature flag: canonical name, stage and built-in default.</summary>
public sealed record FeatureSpec(string Name, FeatureStage Stage, bool Default)
{
    /// <summary>The stage as `features list` prints it (`stable`, `under development`, ...).</summary>
    public string StageName => Stage switch
    {
        FeatureStage.Stable => "stable",
        FeatureStage.Experimental => "experimental",
        FeatureStage.UnderDevelopment => "under development",
        FeatureStage.Deprecated => "deprecated",
        _ => "removed",
    };
}
