using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Cdx.Governance.Compliance;

/// <summary>
/// The canonical bytes of a compliance record and its SHA-256 chain hash. The server and
/// `cdx governance verify-log` both use this one definition, so a serialization difference can
/// never make a genuine file fail or a tampered one pass.
/// </summary>
public static class ComplianceHashing
{
    /// <summary>The <c>prev_hash</c> of the first record of a chain.</summary>
    public static readonly string Genesis = new('0', 64);

    private static readonly byte[] RecordDomain = Encoding.UTF8.GetBytes("cdx-compliance-record-v1\n");
    private static readonly byte[] PayloadDomain = Encoding.UTF8.GetBytes("cdx-compliance-payload-v1\n");

    /// <summary>Compact, re-escaped JSON of a payload: the stored form, and what the verifier recomputes from a downloaded line.</summary>
    public static string CanonicalPayload(JsonElement payload)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            payload.WriteTo(w);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Hash of the redactable content: the user's email and the canonical payload (a JSON array, so the split is unambiguous).</summary>
    public static string PayloadHash(string? userEmail, string? canonicalPayload)
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write(PayloadDomain);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            WriteNullable(w, userEmail);
            WriteNullable(w, canonicalPayload);
            w.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>The record's chain hash: SHA-256 over a domain tag and the fields in fixed order, prev_hash included.</summary>
    public static string RecordHash(ComplianceRecordFields r)
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write(RecordDomain);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            w.WriteStringValue(r.Id);
            w.WriteStringValue(r.WorkspaceId);
            w.WriteStringValue(r.EventType);
            w.WriteNumberValue(r.Seq);
            w.WriteStringValue(r.Kind);
            w.WriteNumberValue(r.Timestamp);
            w.WriteNumberValue(r.ReceivedAt);
            WriteNullable(w, r.UserId);
            WriteNullable(w, r.ThreadId);
            WriteNullable(w, r.TurnId);
            WriteNullable(w, r.Client);
            WriteNullable(w, r.Model);
            WriteNullable(w, r.EnvironmentId);
            w.WriteStringValue(r.PayloadHash);
            w.WriteStringValue(r.PrevHash);
            w.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void WriteNullable(Utf8JsonWriter w, string? value)
    {
        if (value is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteStringValue(value);
        }
    }
}
