namespace Cdx.Toml.Parsing;

/// <summary>A key as written: its last part plus, for dotted keys, the parts before it.</summary>
internal struct ParsedKey
{
    public string Last;
    public int LastStart;
    public List<(string Part, int Start)>? Prefix;

    public readonly int Count => (Prefix?.Count ?? 0) + 1;

    public readonly string PartAt(int i) => Prefix is not null && i < Prefix.Count ? Prefix[i].Part : Last;

    public readonly int StartAt(int i) => Prefix is not null && i < Prefix.Count ? Prefix[i].Start : LastStart;

    public readonly string[] ToArray()
    {
        var parts = new string[Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = PartAt(i);
        }
        return parts;
    }

    /// <summary>The key as TOML text up to and including part <paramref name="upTo"/> (for messages).</summary>
    public readonly string Display(int upTo) => TomlFormatter.FormatKeyPath(ToArray().AsSpan(0, upTo + 1));
}
