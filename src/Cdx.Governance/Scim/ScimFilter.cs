using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cdx.Governance.Scim;

/// <summary>
/// A parsed SCIM filter of the one form identity providers send for provisioning lookups:
/// `attribute eq "value"` (RFC 7644 §3.4.2.2). Anything else is refused rather than guessed at,
/// because a filter read too loosely would match the wrong user.
/// </summary>
internal sealed record ScimFilter(string Attribute, string Value)
{
    /// <summary>
    /// Reads the request's `filter` query parameter: null filter when there is none, or the SCIM
    /// `invalidFilter` error response to return when it cannot be parsed.
    /// </summary>
    public static ContentHttpResult? FromQuery(
        HttpRequest request, IReadOnlyList<string> attributes, out ScimFilter? filter)
    {
        filter = null;
        if (request.Query["filter"].ToString() is not { Length: > 0 } text)
        {
            return null;
        }
        try
        {
            filter = Parse(text, attributes);
            return null;
        }
        catch (ScimFilterException ex)
        {
            return ScimResponses.Error(400, $"Unsupported filter: {ex.Message}.", "invalidFilter");
        }
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="attributes"/> are the attributes this resource can be filtered on.</summary>
    public static ScimFilter Parse(string text, IReadOnlyList<string> attributes)
    {
        var i = 0;
        SkipSpaces(text, ref i);
        var attrStart = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or ':' or '_' or '$'))
        {
            i++;
        }
        var attribute = text[attrStart..i];
        if (attribute.Length == 0 || !char.IsAsciiLetter(attribute[0]))
        {
            throw new ScimFilterException($"the filter `{text}` does not start with an attribute name; use `{attributes[0]} eq \"value\"`");
        }
        var known = attributes.FirstOrDefault(a => string.Equals(a, attribute, StringComparison.OrdinalIgnoreCase))
            ?? throw new ScimFilterException($"filtering on `{attribute}` is not supported; filter on {string.Join(" or ", attributes)}");
        if (!SkipSpaces(text, ref i))
        {
            throw new ScimFilterException($"the filter `{text}` needs an operator after `{attribute}`; use `{known} eq \"value\"`");
        }
        var opStart = i;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            i++;
        }
        var op = text[opStart..i];
        if (!op.Equals("eq", StringComparison.OrdinalIgnoreCase))
        {
            throw new ScimFilterException($"the operator `{op}` is not supported; only `eq` is (`{known} eq \"value\"`)");
        }
        SkipSpaces(text, ref i);
        if (i >= text.Length || text[i] != '"')
        {
            throw new ScimFilterException($"the value in `{text}` must be a double-quoted string; use `{known} eq \"value\"`");
        }
        var valueStart = i++;
        while (i < text.Length && text[i] != '"')
        {
            i += text[i] == '\\' ? 2 : 1;
        }
        if (i >= text.Length)
        {
            throw new ScimFilterException($"the string in `{text}` is not closed; end it with a double quote");
        }
        i++;
        string value;
        try
        {
            value = JsonSerializer.Deserialize(text[valueStart..i], ScimJsonContext.Default.String)!;
        }
        catch (JsonException)
        {
            throw new ScimFilterException($"the string in `{text}` has an invalid escape; use JSON string escapes");
        }
        SkipSpaces(text, ref i);
        if (i < text.Length)
        {
            throw new ScimFilterException($"`{text[i..]}` after the comparison is not supported (no `and`/`or`); send a single `{known} eq \"value\"`");
        }
        return new ScimFilter(known, value);
    }

    private static bool SkipSpaces(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }
        return i > start;
    }
}
