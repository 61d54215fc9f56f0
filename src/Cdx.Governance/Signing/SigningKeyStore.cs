using System.Security.Cryptography;
using Cdx.Governance.Auth;
using Cdx.Governance.Client.Wire;
using Cdx.Governance.Data;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Signing;

/// <summary>
/// The server's ECDSA P-256 keys. Exactly one key is active; rotation retires it (kept and
/// published) and has it endorse the new key, so clients that pinned the old key accept the new one.
/// </summary>
internal sealed class SigningKeyStore(GovernanceDb db, TimeProvider time)
{
    public async Task<IReadOnlyList<PublicSigningKey>> PublishedAsync(CancellationToken ct) =>
        (await db.SigningKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ThenBy(k => k.KeyId).ToListAsync(ct)).Select(ToPublic).ToArray();

    public async Task<SigningKeyRow> ActiveAsync(CancellationToken ct) =>
        await db.SigningKeys.AsNoTracking().SingleOrDefaultAsync(k => k.RetiredAt == null, ct)
        ?? throw new InvalidOperationException("the governance database has no active signing key; restart the server to create one");

    /// <summary>Creates the first key when there is none (first start).</summary>
    public async Task EnsureKeyAsync(CancellationToken ct)
    {
        if (!await db.SigningKeys.AnyAsync(ct))
        {
            db.SigningKeys.Add(NewKey(null));
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Retires the active key and makes a new one that the retired key endorses.</summary>
    public async Task<PublicSigningKey> RotateAsync(CancellationToken ct)
    {
        var old = await db.SigningKeys.SingleAsync(k => k.RetiredAt == null, ct);
        var fresh = NewKey(old);
        old.RetiredAt = time.GetUtcNow().ToUnixTimeSeconds();
        db.SigningKeys.Add(fresh);
        await db.SaveChangesAsync(ct);
        return ToPublic(fresh);
    }

    public static string Sign(SigningKeyRow key, byte[] data)
    {
        // A key id always names the same key material, so the imported key can be reused across
        // requests (and instances stay consistent: the database remains the only source of keys).
        var ecdsa = Imported.GetOrAdd(key.KeyId, id =>
        {
            var created = ECDsa.Create();
            created.ImportPkcs8PrivateKey(key.PrivateKey, out _);
            return created;
        });
        // ECDsa instances are not documented as thread-safe; a signature takes microseconds, so a lock costs little.
        lock (ecdsa)
        {
            return Base64Url.Encode(ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ECDsa> Imported = new(StringComparer.Ordinal);

    private SigningKeyRow NewKey(SigningKeyRow? endorser)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = ecdsa.ExportParameters(false);
        var row = new SigningKeyRow
        {
            KeyId = Secrets.NewId("key_"),
            PrivateKey = ecdsa.ExportPkcs8PrivateKey(),
            X = Base64Url.Encode(p.Q.X),
            Y = Base64Url.Encode(p.Q.Y),
            CreatedAt = time.GetUtcNow().ToUnixTimeSeconds(),
        };
        if (endorser is not null)
        {
            row.EndorsedBy = endorser.KeyId;
            row.Endorsement = Sign(endorser, CanonicalForm.KeyEndorsement(ToPublic(row)));
        }
        return row;
    }

    private static PublicSigningKey ToPublic(SigningKeyRow k) => new()
    {
        KeyId = k.KeyId,
        X = k.X,
        Y = k.Y,
        Status = k.RetiredAt is null ? "active" : "retired",
        EndorsedBy = k.EndorsedBy,
        Endorsement = k.Endorsement,
    };
}
