namespace Cdx.Config.Requirements;

/// <summary>What a cloud source returned: TOML contents, or why there are none.</summary>
public sealed record CloudRequirementsResult(CloudRequirementsStatus Status, string? Contents = null, string? Detail = null)
{
    /// <summary>No cloud requirements apply.</summary>
    public static CloudRequirementsResult None { get; } = new(CloudRequirementsStatus.None);
}
