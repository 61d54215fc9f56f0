namespace Cdx.Governance.Client;

/// <summary>Why a signed requirements document (fresh or cached) can or cannot be used.</summary>
public enum CacheStatus
{
    /// <summary>Signature, identity and expiry all check out.</summary>
    Valid,
    /// <summary>No cache file.</summary>
    NotFound,
    /// <summary>The file cannot be read or parsed.</summary>
    Unreadable,
    /// <summary>The signature does not verify with a pinned key (tampered, or signed by an unknown key).</summary>
    SignatureInvalid,
    /// <summary>Issued to another user or workspace.</summary>
    IdentityMismatch,
    /// <summary>Past its expires_at.</summary>
    Expired,
}
