using System.Globalization;

namespace Cdx.Governance.Compliance;

/// <summary>Compliance listings speak ISO-8601 (as the upstream API and its cookbook do); storage is Unix seconds.</summary>
internal static class WireTime
{
    public static string Iso(long unix) => DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Accepts ISO-8601 with a zone, or Unix seconds.</summary>
    public static bool TryParse(string text, out long unix)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out unix))
        {
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
        {
            unix = dto.ToUnixTimeSeconds();
            return true;
        }
        return false;
    }
}
