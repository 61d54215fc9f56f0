namespace Cdx.ApplyPatch.Applying;

/// <summary>Describes the first invalid UTF-8 sequence the way Rust's <c>Utf8Error</c> displays it (Codex's wording).</summary>
internal static class Utf8Error
{
    /// <summary>Null when <paramref name="bytes"/> is valid UTF-8; else Rust's message for the first error.</summary>
    public static string? Describe(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var first = bytes[i];
            if (first < 0x80)
            {
                i++;
                continue;
            }
            var width = first switch
            {
                >= 0xC2 and <= 0xDF => 2,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xF0 and <= 0xF4 => 4,
                _ => 0,
            };
            if (width == 0)
            {
                return Invalid(1, i);
            }
            // The second byte's allowed range depends on the first (no overlongs, no surrogates, <= U+10FFFF).
            var (lo, hi) = first switch
            {
                0xE0 => (0xA0, 0xBF),
                0xED => (0x80, 0x9F),
                0xF0 => (0x90, 0xBF),
                0xF4 => (0x80, 0x8F),
                _ => (0x80, 0xBF),
            };
            for (var k = 1; k < width; k++)
            {
                if (i + k >= bytes.Length)
                {
                    return $"incomplete utf-8 byte sequence from index {i}";
                }
                var b = bytes[i + k];
                var ok = k == 1 ? b >= lo && b <= hi : b is >= 0x80 and <= 0xBF;
                if (!ok)
                {
                    return Invalid(k, i);
                }
            }
            i += width;
        }
        return null;
    }

    private static string Invalid(int length, int index) => $"invalid utf-8 sequence of {length} bytes from index {index}";
}
