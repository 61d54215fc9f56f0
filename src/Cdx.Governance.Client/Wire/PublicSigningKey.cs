namespace Cdx.Governance.Client.Wire;

/// <summary>One server signing key as published at `/.well-known/cdx-governance-keys` (JWK-like EC fields).</summary>
public sealed record PublicSigningKey
{
    /// <summary>Key id referenced by <see cref="SignedRequirements.KeyId"/>.</summary>
    public required string KeyId { get; init; }

    /// <summary>Always "P-256".</summary>
    public string Curve { get; init; } = "P-256";

    /// <summary>Public point X, base64url.</summary>
    public required string X { get; init; }

    /// <summary>Public point Y, base64url.</summary>
    public required string Y { get; init; }

    /// <summary>"active" for the key that signs now, "retired" for older keys kept so old payloads verify.</summary>
    public required string Status { get; init; }

    /// <summary>The key that endorsed this one at rotation, or null for the first key.</summary>
    public string? EndorsedBy { get; init; }

    /// <summary>Signature by <see cref="EndorsedBy"/> over <see cref="CanonicalForm.KeyEndorsement"/>, base64url.</summary>
    public string? Endorsement { get; init; }
}
