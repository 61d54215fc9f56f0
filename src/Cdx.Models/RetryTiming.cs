using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Cdx.Models;

/// <summary>Backoff and server retry hints.</summary>
internal static partial class RetryTiming
{
    /// <summary>base × 2^(attempt−1) × jitter in [0.9, 1.1); attempt counts from 1.</summary>
    public static TimeSpan Backoff(TimeSpan baseDelay, int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 20);
        var jitter = 0.9 + (Random.Shared.NextDouble() * 0.2);
        return TimeSpan.FromMilliseconds(baseDelay.TotalMilliseconds * Math.Pow(2, exponent) * jitter);
    }

    /// <summary>`retry-after-ms`, or `retry-after` as seconds (fractions accepted) or an HTTP date.</summary>
    public static TimeSpan? FromHeaders(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }
        if (!headers.TryGetValues("retry-after", out var values) || values.FirstOrDefault() is not { } raw)
        {
            return null;
        }
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at > now ? at - now : TimeSpan.Zero)
            : null;
    }

    /// <summary>A "try again in 1.5s / 20ms / 3 seconds" hint in an error text (cdx honours it for 429 bodies too).</summary>
    public static TimeSpan? FromText(string? text)
    {
        if (string.IsNullOrEmpty(text) || TryAgainIn().Match(text) is not { Success: true } m)
        {
            return null;
        }
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value.Equals("ms", StringComparison.OrdinalIgnoreCase)
            ? TimeSpan.FromMilliseconds(value)
            : TimeSpan.FromSeconds(value);
    }

    [GeneratedRegex(@"try again in\s*(\d+(?:\.\d+)?)\s*(ms|s|seconds?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TryAgainIn();
}
