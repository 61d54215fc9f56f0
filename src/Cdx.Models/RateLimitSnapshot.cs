using System.Globalization;
using System.Net.Http.Headers;

namespace Cdx.Models;

/// <summary>Rate limits of one limit family (`codex` by default) as the server reported them.</summary>
public sealed record RateLimitSnapshot
{
    /// <summary>Limit family id (`codex`, or a normalized `x-&lt;id&gt;-…` header family).</summary>
    public string LimitId { get; init; } = "codex";

    /// <summary>Display name of the limit, when sent.</summary>
    public string? LimitName { get; init; }

    /// <summary>The primary (short) window.</summary>
    public RateLimitWindow? Primary { get; init; }

    /// <summary>The secondary (long) window.</summary>
    public RateLimitWindow? Secondary { get; init; }

    /// <summary>Credits, when sent.</summary>
    public RateLimitCredits? Credits { get; init; }

    /// <summary>Promotional text, when sent.</summary>
    public string? PromoMessage { get; init; }

    /// <summary>Parses the `x-codex-*` headers; null when none carry information.</summary>
    public static RateLimitSnapshot? FromHeaders(HttpResponseHeaders headers, string limitId = "codex")
    {
        ArgumentNullException.ThrowIfNull(headers);
        string? Get(string name) => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        var prefix = "x-" + limitId.Replace('_', '-');
        var snapshot = new RateLimitSnapshot
        {
            LimitId = limitId,
            LimitName = Get(prefix + "-limit-name"),
            Primary = Window(Get, prefix + "-primary"),
            Secondary = Window(Get, prefix + "-secondary"),
            Credits = Get(prefix + "-credits-has-credits") is { } has
                ? new RateLimitCredits(Flag(has), Flag(Get(prefix + "-credits-unlimited")), Get(prefix + "-credits-balance"))
                : null,
            PromoMessage = Get(prefix + "-promo-message"),
        };
        return snapshot.Primary is null && snapshot.Secondary is null && snapshot.Credits is null && snapshot.PromoMessage is null
            ? null
            : snapshot;
    }

    private static RateLimitWindow? Window(Func<string, string?> get, string prefix)
    {
        var used = double.TryParse(get(prefix + "-used-percent"), NumberStyles.Float, CultureInfo.InvariantCulture, out var u) ? u : 0;
        long? minutes = long.TryParse(get(prefix + "-window-minutes"), CultureInfo.InvariantCulture, out var m) ? m : null;
        long? reset = long.TryParse(get(prefix + "-reset-at"), CultureInfo.InvariantCulture, out var r) ? r : null;
        // A window counts only when something in it is non-zero or a reset is known (as Codex decides).
        return used != 0 || (minutes ?? 0) != 0 || reset is not null ? new RateLimitWindow(used, minutes, reset) : null;
    }

    private static bool Flag(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
