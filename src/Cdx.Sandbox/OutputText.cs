using System.Text;

namespace Cdx.Sandbox;

/// <summary>
/// Turns captured bytes into the text the model sees: the 1 MiB buffer's omission marker, then
/// middle truncation to a token budget (1 token ≈ 4 bytes) with Codex's markers.
/// </summary>
public static class OutputText
{
    /// <summary>Bytes per token in Codex's estimate.</summary>
    public const int BytesPerToken = 4;

    /// <summary>ceil(bytes / 4), Codex's token estimate.</summary>
    public static long EstimateTokens(long bytes) => (bytes + BytesPerToken - 1) / BytesPerToken;

    /// <summary>Decodes retained output, prefixing `... N bytes omitted ...` when the buffer dropped bytes.</summary>
    public static string FromCapture(byte[] bytes, long omittedBytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return omittedBytes > 0 ? $"... {omittedBytes} bytes omitted ...\n\n{text}" : text;
    }

    /// <summary>
    /// Keeps the head and tail halves of a <paramref name="maxTokens"/> budget, cut on UTF-8
    /// boundaries, with `…N tokens truncated…` between and a warning line first. The warning
    /// reports <paramref name="originalTokenCount"/> when given (the whole output, before the 1 MiB cap).
    /// </summary>
    public static string TruncateToTokens(string text, int maxTokens, long? originalTokenCount = null)
    {
        // Codex cuts the retained output itself; the 1 MiB buffer's omission marker is put back in
        // front afterwards and does not use up the head's half of the budget.
        var markerLength = OmissionMarkerLength(text);
        var marker = text[..markerLength];
        var bytes = Encoding.UTF8.GetBytes(text[markerLength..]);
        var budget = (long)Math.Max(0, maxTokens) * BytesPerToken;
        if (bytes.Length <= budget)
        {
            return text;
        }
        var headLen = Boundary(bytes, (int)(budget / 2));
        var tailStart = Boundary(bytes, bytes.Length - (int)(budget - (budget / 2)));
        tailStart = Math.Max(tailStart, headLen);
        var removedTokens = EstimateTokens(tailStart - headLen);
        var sb = new StringBuilder();
        sb.Append("Warning: truncated output (original token count: ").Append(originalTokenCount ?? EstimateTokens(bytes.Length)).Append(")\n");
        sb.Append(marker);
        sb.Append(Encoding.UTF8.GetString(bytes, 0, headLen));
        sb.Append('…').Append(removedTokens).Append(" tokens truncated…");
        sb.Append(Encoding.UTF8.GetString(bytes, tailStart, bytes.Length - tailStart));
        return sb.ToString();
    }

    /// <summary>Length of a leading `... N bytes omitted ...\n\n` marker written by <see cref="FromCapture"/>, else 0.</summary>
    private static int OmissionMarkerLength(string text)
    {
        const string Prefix = "... ";
        const string Suffix = " bytes omitted ...\n\n";
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return 0;
        }
        var end = text.IndexOf(Suffix, Prefix.Length, StringComparison.Ordinal);
        if (end <= Prefix.Length)
        {
            return 0;
        }
        foreach (var c in text.AsSpan(Prefix.Length, end - Prefix.Length))
        {
            if (!char.IsAsciiDigit(c))
            {
                return 0;
            }
        }
        return end + Suffix.Length;
    }

    /// <summary>Moves <paramref name="index"/> back to the start of a UTF-8 character.</summary>
    private static int Boundary(byte[] bytes, int index)
    {
        index = Math.Clamp(index, 0, bytes.Length);
        while (index > 0 && index < bytes.Length && (bytes[index] & 0xC0) == 0x80)
        {
            index--;
        }
        return index;
    }
}
