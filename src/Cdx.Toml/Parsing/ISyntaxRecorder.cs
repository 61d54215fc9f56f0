namespace Cdx.Toml.Parsing;

/// <summary>Receives the source spans of what the parser builds (used by the format-preserving editor).</summary>
internal interface ISyntaxRecorder
{
    /// <summary>A `key = value` (possibly dotted) written in <paramref name="container"/>; offsets are char indices.</summary>
    void OnKeyValue(TomlTable container, TomlTable owner, string key, TomlValue value, int keyStart, int valueStart, int valueEnd);

    /// <summary>A table made by a dotted key inside <paramref name="container"/>, at the relative path.</summary>
    void OnDottedTable(TomlTable table, TomlTable container, string[] relativePath);

    /// <summary>A `[table]` or `[[array]]` header spanning [start, end).</summary>
    void OnHeader(TomlTable table, int start, int end);

    /// <summary>An inline table spanning [open, close] where close is the index of its '}'.</summary>
    void OnInlineTable(TomlTable table, int open, int close);

    /// <summary>The end of the input.</summary>
    void OnEnd(int length);
}
