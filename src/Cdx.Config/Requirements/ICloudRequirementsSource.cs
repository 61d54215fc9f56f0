namespace Cdx.Config.Requirements;

/// <summary>
/// Supplies cloud-managed requirements. The governance client implements it with a signed,
/// identity-bound, expiring cache plus a fetch; the loader only sees the outcome.
/// </summary>
public interface ICloudRequirementsSource
{
    /// <summary>Loads the requirements that apply to the signed-in identity.</summary>
    ValueTask<CloudRequirementsResult> LoadAsync(CancellationToken cancellationToken);
}
