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
        var bytes = Encoding.UTF8.GetBytes(text);
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
        sb.Append(Encoding.UTF8.GetString(bytes, 0, headLen));
        sb.Append('…').Append(removedTokens).Append(" tokens truncated…");
        sb.Append(Encoding.UTF8.GetString(bytes, tailStart, bytes.Length - tailStart));
        return sb.ToString();
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
