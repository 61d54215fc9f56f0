using System.Text.Json.Nodes;

namespace Cdx.Testing;

/// <summary>One HTTP request the scripted model server received.</summary>
public sealed record RecordedRequest
{
    /// <summary>HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Path without the query string, e.g. `/v1/responses`.</summary>
    public required string Path { get; init; }

    /// <summary>The query string without `?` (empty when none).</summary>
    public required string Query { get; init; }

    /// <summary>Request headers; names are case-insensitive, repeated headers joined with `, `.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The raw body text.</summary>
    public required string Body { get; init; }

    /// <summary>When the request was fully received.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The body parsed as JSON, or null when it is not JSON.</summary>
    public JsonObject? Json
    {
        get
        {
            try
            {
                return JsonNode.Parse(Body) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>The `input` array of a Responses request, or the `messages` array of a chat request.</summary>
    public JsonArray Input => (Json?["input"] ?? Json?["messages"]) as JsonArray ?? [];

    /// <summary>A header value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
