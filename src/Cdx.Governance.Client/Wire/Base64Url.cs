namespace Cdx.Governance.Client.Wire;

/// <summary>base64url without padding (RFC 4648 §5), as JWKs and our signatures use.</summary>
public static class Base64Url
{
    /// <summary>Encodes bytes.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    /// <summary>Decodes text; returns null when it is not valid base64url.</summary>
    public static byte[]? TryDecode(string? text)
    {
        if (text is null)
        {
            return null;
        }
        try
        {
            return System.Buffers.Text.Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
