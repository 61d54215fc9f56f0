using Cdx.Toml.Parsing;

namespace Cdx.Toml.Editing;

/// <summary>Where each parsed piece sits in the source text, so edits can splice just those bytes.</summary>
internal sealed class SyntaxMap : ISyntaxRecorder
{
    public List<KeyValueSpan> KeyValues { get; } = new();

    public List<HeaderSpan> Headers { get; } = new();

    public Dictionary<TomlValue, KeyValueSpan> ByValue { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<TomlTable, int> HeaderIndexOf { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<TomlTable, (TomlTable Container, string[] Relative)> DottedOf { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<TomlTable, (int Open, int Close)> InlineOf { get; } = new(ReferenceEqualityComparer.Instance);

    public int Length { get; private set; }

    public void OnKeyValue(TomlTable container, TomlTable owner, string key, TomlValue value, int keyStart, int valueStart, int valueEnd)
    {
        var span = new KeyValueSpan(container, owner, key, keyStart, valueStart, valueEnd);
        KeyValues.Add(span);
        ByValue[value] = span;
    }

    public void OnDottedTable(TomlTable table, TomlTable container, string[] relativePath) =>
        DottedOf[table] = (container, relativePath);

    public void OnHeader(TomlTable table, int start, int end)
    {
        HeaderIndexOf[table] = Headers.Count;
        Headers.Add(new HeaderSpan(table, start, end));
    }

    public void OnInlineTable(TomlTable table, int open, int close) => InlineOf[table] = (open, close);

    public void OnEnd(int length) => Length = length;

    /// <summary>Start of the section body of header <paramref name="index"/> (-1: the root section) and its end.</summary>
    public (int Start, int End) SectionRange(int index)
    {
        var start = index < 0 ? 0 : Headers[index].Start;
        var end = index + 1 < Headers.Count ? Headers[index + 1].Start : Length;
        return (start, end);
    }
}

/// <summary>A `key = value` in the source: key start, value start and end (character offsets).</summary>
internal readonly record struct KeyValueSpan(TomlTable Container, TomlTable Owner, string Key, int KeyStart, int ValueStart, int ValueEnd);

/// <summary>A `[table]` / `[[array]]` header from its '[' to just after its last ']'.</summary>
internal readonly record struct HeaderSpan(TomlTable Table, int Start, int End);
