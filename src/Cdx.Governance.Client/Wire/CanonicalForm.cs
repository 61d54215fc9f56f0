using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Cdx.Governance.Client.Wire;

/// <summary>
/// The exact bytes that are signed. Server and client build them with this one function, so a
/// JSON re-serialisation difference (whitespace, key order, escaping) can never break verification.
/// </summary>
public static class CanonicalForm
{
    private const string RequirementsDomain = "cdx-governance-requirements-v1\n";
    private const string KeyDomain = "cdx-governance-key-v1\n";

    /// <summary>Bytes covered by <see cref="SignedRequirements.Signature"/>: a domain tag, then the fields in fixed order.</summary>
    public static byte[] Requirements(SignedRequirements r)
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write(Encoding.UTF8.GetBytes(RequirementsDomain));
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("contents", r.Contents);
            w.WriteNumber("expires_at", r.ExpiresAt);
            w.WriteNumber("issued_at", r.IssuedAt);
            w.WriteString("key_id", r.KeyId);
            w.WriteString("policy_id", r.PolicyId);
            if (r.PolicyVersion is { } v)
            {
                w.WriteNumber("policy_version", v);
            }
            else
            {
                w.WriteNull("policy_version");
            }
            w.WriteString("subject", r.Subject);
            w.WriteString("workspace_id", r.WorkspaceId);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Bytes an older key signs to endorse a newer one, so a client that pinned the old key can trust the new.</summary>
    public static byte[] KeyEndorsement(PublicSigningKey key) =>
        Encoding.UTF8.GetBytes($"{KeyDomain}{key.KeyId}\n{key.Curve}\n{key.X}\n{key.Y}");
}
