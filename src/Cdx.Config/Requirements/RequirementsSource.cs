namespace Cdx.Config.Requirements;

/// <summary>A requirements source as named in messages ("set by &lt;source&gt;").</summary>
public sealed record RequirementsSource(RequirementsSourceKind Kind, string Label, string? Path = null)
{
    /// <summary>Cloud requirements.</summary>
    public static RequirementsSource Cloud { get; } = new(RequirementsSourceKind.Cloud, "cloud requirements");

    /// <summary>The label: a file path, `cloud requirements`, or the MDM key.</summary>
    public override string ToString() => Label;
}
