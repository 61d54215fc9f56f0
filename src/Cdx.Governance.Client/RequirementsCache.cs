using System.Text.Json;
using Cdx.Governance.Client.Wire;

namespace Cdx.Governance.Client;

/// <summary>
/// The last signed requirements document, stored verbatim. Its ECDSA signature is what protects it:
/// changing any byte of a signed field, or presenting another user's file, fails <see cref="Check"/>.
/// </summary>
public static class RequirementsCache
{
    /// <summary>File name in `$CODEX_HOME` (distinct from Codex's own cache, whose format differs).</summary>
    public const string FileName = "cdx-governance-requirements.json";

    /// <summary>The cache path in <paramref name="codexHome"/>.</summary>
    public static string PathIn(string codexHome) => Path.Combine(codexHome, FileName);

    /// <summary>Checks a document against the login: signature by a pinned key, subject, workspace, expiry.</summary>
    public static CacheStatus Check(SignedRequirements doc, GovernanceCredentials login, DateTimeOffset now)
    {
        if (!SignatureVerifier.Verify(doc, login.PinnedKeys))
        {
            return CacheStatus.SignatureInvalid;
        }
        if (doc.Subject != login.Subject || doc.WorkspaceId != login.WorkspaceId)
        {
            return CacheStatus.IdentityMismatch;
        }
        return doc.ExpiresAt > now.ToUnixTimeSeconds() ? CacheStatus.Valid : CacheStatus.Expired;
    }

    /// <summary>Reads the cache file; the status says whether the document may be used.</summary>
    public static (CacheStatus Status, SignedRequirements? Document) Read(string codexHome, GovernanceCredentials login, DateTimeOffset now)
    {
        var path = PathIn(codexHome);
        if (!File.Exists(path))
        {
            return (CacheStatus.NotFound, null);
        }
        SignedRequirements? doc;
        try
        {
            doc = JsonSerializer.Deserialize(File.ReadAllBytes(path), WireJsonContext.Default.SignedRequirements);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return (CacheStatus.Unreadable, null);
        }
        return doc is null ? (CacheStatus.Unreadable, null) : (Check(doc, login, now), doc);
    }

    /// <summary>Writes the document atomically (0600); failure to write only costs the offline fallback.</summary>
    public static bool TryWrite(string codexHome, SignedRequirements doc)
    {
        try
        {
            Directory.CreateDirectory(codexHome);
            var path = PathIn(codexHome);
            var temp = path + ".tmp-" + Environment.ProcessId;
            File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(doc, WireJsonContext.Default.SignedRequirements));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            File.Move(temp, path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Removes the cache (logout, new login).</summary>
    public static void Delete(string codexHome) => File.Delete(PathIn(codexHome));
}
