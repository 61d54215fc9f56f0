namespace Cdx.Governance.Client.Wire;

/// <summary>
/// The signed, identity-bound requirements document `GET /v1/clients/requirements` returns and
/// the client caches verbatim; <see cref="Signature"/> covers every other field (see <see cref="CanonicalForm"/>).
/// </summary>
public sealed record SignedRequirements
{
    /// <summary>The policy's requirements.toml text, or null when no policy applies.</summary>
    public string? Contents { get; init; }

    /// <summary>The chosen policy's id, or null when no policy applies.</summary>
    public string? PolicyId { get; init; }

    /// <summary>The chosen policy's version number, or null when no policy applies.</summary>
    public int? PolicyVersion { get; init; }

    /// <summary>Unix seconds when the server signed this document.</summary>
    public required long IssuedAt { get; init; }

    /// <summary>Unix seconds after which neither the server's answer nor its cached copy may be used.</summary>
    public required long ExpiresAt { get; init; }

    /// <summary>The user id the document was issued to.</summary>
    public required string Subject { get; init; }

    /// <summary>The workspace id the document was issued in.</summary>
    public required string WorkspaceId { get; init; }

    /// <summary>Id of the signing key (rotation keeps older keys verifiable).</summary>
    public required string KeyId { get; init; }

    /// <summary>ECDSA P-256 / SHA-256 signature (IEEE P1363, base64url) over the canonical form.</summary>
    public required string Signature { get; init; }
}
