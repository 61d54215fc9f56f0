using System.Globalization;
using System.Text.Json;

namespace Cdx.Core.Tools;

/// <summary>
/// Reads a function call's JSON arguments with errors worded like Codex's serde messages
/// (`missing field `cmd` at line 1 column 14`, `key must be a string at line 1 column 2`).
/// </summary>
internal sealed class ToolArguments
{
    private readonly JsonElement _root;
    private readonly string _end;

    private ToolArguments(JsonElement root, string end)
    {
        _root = root;
        _end = end;
    }

    /// <summary>Parses <paramref name="json"/>; it must be an object.</summary>
    public static ToolArguments Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ToolArgumentException($"invalid type: {Describe(doc.RootElement)}, expected a map at {EndPosition(json)}");
            }
            return new ToolArguments(doc.RootElement.Clone(), EndPosition(json));
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            var reason = SerdeReason(e, json);
            // serde_json places EOF errors on the last character of the input.
            var at = reason.StartsWith("EOF", StringComparison.Ordinal) ? EndPosition(json) : $"line {line} column {column}";
            throw new ToolArgumentException($"{reason} at {at}");
        }
    }

    /// <summary>A required string.</summary>
    public string RequiredString(string name) =>
        String(name) ?? throw new ToolArgumentException($"missing field `{name}` at {_end}");

    /// <summary>An optional string (null when absent or null).</summary>
    public string? String(string name) => Get(name) is { } e
        ? e.ValueKind == JsonValueKind.String ? e.GetString() : throw TypeError(e, "a string")
        : null;

    /// <summary>An optional boolean.</summary>
    public bool? Bool(string name) => Get(name) is { } e
        ? e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : throw TypeError(e, "a boolean")
        : null;

    /// <summary>An optional number, as a long (fractions truncated).</summary>
    public long? Number(string name) => Get(name) is { } e
        ? e.ValueKind == JsonValueKind.Number ? (long)Math.Clamp(e.GetDouble(), long.MinValue, long.MaxValue) : throw TypeError(e, "a number")
        : null;

    /// <summary>A required number.</summary>
    public long RequiredNumber(string name) =>
        Number(name) ?? throw new ToolArgumentException($"missing field `{name}` at {_end}");

    /// <summary>An optional array of strings.</summary>
    public IReadOnlyList<string>? StringList(string name)
    {
        if (Get(name) is not { } e)
        {
            return null;
        }
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw TypeError(e, "a sequence");
        }
        return e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : throw TypeError(x, "a string")).ToList();
    }

    /// <summary>A required array of strings.</summary>
    public IReadOnlyList<string> RequiredStringList(string name) =>
        StringList(name) ?? throw new ToolArgumentException($"missing field `{name}` at {_end}");

    /// <summary>The raw element, when present and not null.</summary>
    public JsonElement? Get(string name) =>
        _root.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null ? e : null;

    /// <summary>A serde-style type error at the end of the arguments.</summary>
    public ToolArgumentException TypeError(JsonElement e, string expected) =>
        new($"invalid type: {Describe(e)}, expected {expected} at {_end}");

    /// <summary>A serde-style invalid value error.</summary>
    public ToolArgumentException ValueError(string detail) => new($"{detail} at {_end}");

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"string \"{e.GetString()}\"",
        JsonValueKind.Number => e.TryGetInt64(out var l) ? $"integer `{l}`" : $"floating point `{e.GetDouble().ToString(CultureInfo.InvariantCulture)}`",
        JsonValueKind.True => "boolean `true`",
        JsonValueKind.False => "boolean `false`",
        JsonValueKind.Array => "sequence",
        JsonValueKind.Object => "map",
        _ => "null",
    };

    // Maps System.Text.Json's error to serde_json's wording; an error at the very end is an EOF.
    private static string SerdeReason(JsonException e, string json)
    {
        var message = e.Message;
        var trimmed = json.TrimEnd();
        if (trimmed.Length == 0)
        {
            return "EOF while parsing a value";
        }
        if (message.Contains("after a single JSON value", StringComparison.Ordinal))
        {
            return "trailing characters";
        }
        var atEnd = (e.LineNumber ?? 0) == trimmed.Count(c => c == '\n')
            && (e.BytePositionInLine ?? 0) >= System.Text.Encoding.UTF8.GetByteCount(trimmed[(trimmed.LastIndexOf('\n') + 1)..]);
        if (atEnd || message.Contains("end of data", StringComparison.OrdinalIgnoreCase) || message.Contains("incomplete", StringComparison.OrdinalIgnoreCase))
        {
            return trimmed.TrimStart().StartsWith('{') ? "EOF while parsing an object" : "EOF while parsing a value";
        }
        if (message.Contains("property name", StringComparison.Ordinal))
        {
            return "key must be a string";
        }
        return "expected value";
    }

    private static string EndPosition(string json)
    {
        var trimmed = json.TrimEnd();
        var line = trimmed.Count(c => c == '\n') + 1;
        var column = trimmed.Length - (trimmed.LastIndexOf('\n') + 1);
        return $"line {line} column {column}";
    }
}
