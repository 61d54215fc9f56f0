using System.Security.Cryptography;

namespace Cdx.Governance.Client.Wire;

/// <summary>Verifies ECDSA P-256 signatures made by the governance server against a set of trusted keys.</summary>
public static class SignatureVerifier
{
    /// <summary>True when <paramref name="signature"/> (base64url, IEEE P1363) is <paramref name="key"/>'s signature of <paramref name="data"/>.</summary>
    public static bool Verify(PublicSigningKey key, byte[] data, string? signature)
    {
        var sig = Base64Url.TryDecode(signature);
        var x = Base64Url.TryDecode(key.X);
        var y = Base64Url.TryDecode(key.Y);
        if (sig is null || x is not { Length: 32 } || y is not { Length: 32 } || key.Curve != "P-256")
        {
            return false;
        }
        try
        {
            using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
            return ecdsa.VerifyData(data, sig, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false; // a point not on the curve is a forged key, not a crash
        }
    }

    /// <summary>True when a payload is signed by one of <paramref name="trusted"/> (looked up by its key id).</summary>
    public static bool Verify(SignedRequirements payload, IReadOnlyList<PublicSigningKey> trusted)
    {
        var key = trusted.FirstOrDefault(k => k.KeyId == payload.KeyId);
        return key is not null && Verify(key, CanonicalForm.Requirements(payload), payload.Signature);
    }

    /// <summary>
    /// Extends a pinned key set with keys from a freshly fetched key document, accepting a new key
    /// only when a key already trusted endorsed it; a server that was swapped out cannot inject keys.
    /// </summary>
    public static IReadOnlyList<PublicSigningKey> ExtendTrust(IReadOnlyList<PublicSigningKey> pinned, IReadOnlyList<PublicSigningKey> published)
    {
        var trusted = pinned.ToList();
        bool added;
        do
        {
            added = false;
            foreach (var candidate in published)
            {
                if (trusted.Any(t => t.KeyId == candidate.KeyId) || candidate.EndorsedBy is null)
                {
                    continue;
                }
                var endorser = trusted.FirstOrDefault(t => t.KeyId == candidate.EndorsedBy);
                if (endorser is not null && Verify(endorser, CanonicalForm.KeyEndorsement(candidate), candidate.Endorsement))
                {
                    trusted.Add(candidate);
                    added = true;
                }
            }
        }
        while (added);
        return trusted;
    }
}
