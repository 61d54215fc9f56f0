namespace Cdx.Config.Requirements;

/// <summary>Outcome of loading cloud requirements.</summary>
public enum CloudRequirementsStatus
{
    /// <summary>Not eligible or no policy applies: no cloud layer.</summary>
    None,
    /// <summary>A policy document was loaded (fresh or from a valid cache).</summary>
    Loaded,
    /// <summary>Loading failed and no valid cache exists; the loader fails closed.</summary>
    Failed,
}
