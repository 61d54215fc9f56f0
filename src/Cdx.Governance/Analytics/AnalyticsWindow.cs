using System.Globalization;
using System.Text;
using Cdx.Governance.Client.Wire;

namespace Cdx.Governance.Analytics;

/// <summary>
/// The validated query of an analytics call: a UTC time window (start inclusive, end exclusive,
/// at most 90 days back), the bucket size, the page size and the decoded keyset cursor.
/// </summary>
internal sealed record AnalyticsWindow
{
    public const long MaxLookbackSeconds = 90L * 86400;
    private const long Day = 86400;
    private const long Week = 7 * Day;
    // 1970-01-05 was a Monday: weeks are ISO weeks starting Monday 00:00 UTC.
    private const long WeekOrigin = 4 * Day;

    public long Start { get; init; }
    public long End { get; init; }
    public long Origin { get; init; }
    public long Size { get; init; }
    public int Limit { get; init; }
    public long? CursorBucket { get; init; }
    public string CursorKey { get; init; } = "";

    public long BucketStart(long bucket) => Origin + (bucket * Size);

    public long RowStart(long bucket) => Math.Max(Start, BucketStart(bucket));

    public long RowEnd(long bucket) => Math.Min(End, BucketStart(bucket) + Size);

    public static string Cursor(long bucket, string key) =>
        Base64Url.Encode(Encoding.UTF8.GetBytes(bucket.ToString(CultureInfo.InvariantCulture) + ":" + key));

    /// <summary>Parses the query; on failure returns null and one sentence naming the parameter and the fix.</summary>
    public static AnalyticsWindow? Parse(long? startTime, long? endTime, string? groupBy, int? limit, string? page, long now, out string? problem)
    {
        problem = null;
        var end = endTime ?? now;
        var start = startTime ?? end - (30 * Day);
        if (end <= start)
        {
            problem = $"`end_time` ({end}) must be after `start_time` ({start}); the window is start inclusive, end exclusive, in Unix seconds.";
            return null;
        }
        if (start < now - MaxLookbackSeconds)
        {
            problem = $"`start_time` {start} is more than 90 days ago (earliest allowed: {now - MaxLookbackSeconds}); analytics look back at most 90 days, so move start_time forward.";
            return null;
        }
        var (origin, size) = groupBy switch
        {
            null or "day" => (0L, Day),
            "week" => (WeekOrigin, Week),
            _ => (-1L, 0L),
        };
        if (size == 0)
        {
            problem = $"`group_by` `{groupBy}` is not supported; use day or week.";
            return null;
        }
        if (limit is < 1 or > 1000)
        {
            problem = "`limit` must be between 1 and 1000; omit it for 100.";
            return null;
        }
        long? cursorBucket = null;
        var cursorKey = "";
        if (page is not null)
        {
            var bytes = Base64Url.TryDecode(page);
            var text = bytes is null ? "" : Encoding.UTF8.GetString(bytes);
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || !long.TryParse(text[..colon], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b))
            {
                problem = "`page` is not a cursor this server issued; pass the `next_page` value of the previous response unchanged.";
                return null;
            }
            cursorBucket = b;
            cursorKey = text[(colon + 1)..];
        }
        return new AnalyticsWindow { Start = start, End = end, Origin = origin, Size = size, Limit = limit ?? 100, CursorBucket = cursorBucket, CursorKey = cursorKey };
    }
}
