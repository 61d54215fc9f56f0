using System.Security.Cryptography;
using System.Text;

namespace Cdx.Governance.Auth;

/// <summary>
/// Bearer secrets: 32 random bytes behind a kind prefix, stored only as SHA-256. A fast hash is
/// enough because the secrets carry 256 bits of entropy; nothing here is a password.
/// </summary>
internal static class Secrets
{
    public const string AdminKeyPrefix = "cdxa_";
    public const string AccessTokenPrefix = "cdxt_";

    public static string NewSecret(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewId(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
