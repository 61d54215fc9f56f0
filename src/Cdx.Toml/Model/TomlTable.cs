using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Cdx.Toml;

/// <summary>A TOML table: keys in the order they were written, each with the place it was written.</summary>
public sealed class TomlTable : TomlValue, IReadOnlyDictionary<string, TomlValue>
{
    // Small tables are searched linearly; an index is built once a table grows past this.
    private const int IndexThreshold = 8;

    private readonly List<Entry> _entries = new();
    private Dictionary<string, int>? _index;

    /// <summary>Creates an empty (non-inline) table for building values.</summary>
    public TomlTable()
    {
        Origin = TableOrigin.Built;
    }

    /// <summary>Creates an empty table that is written inline (`{ ... }`) when true.</summary>
    public TomlTable(bool isInline)
    {
        Origin = isInline ? TableOrigin.Inline : TableOrigin.Built;
    }

    internal TomlTable(TableOrigin origin)
    {
        Origin = origin;
    }

    /// <summary>True for inline tables (`{ ... }`), which TOML forbids extending after they close.</summary>
    public bool IsInline => Origin == TableOrigin.Inline;

    /// <inheritdoc />
    public override string TypeName => "table";

    internal TableOrigin Origin { get; set; }

    /// <summary>For tables made by dotted keys: the section (header or inline table) that made them.</summary>
    internal int DottedSection { get; set; } = -1;

    /// <summary>Set on inline tables and the dotted tables inside them once they close.</summary>
    internal bool Frozen { get; set; }

    /// <inheritdoc />
    public int Count => _entries.Count;

    /// <inheritdoc />
    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var e in _entries)
            {
                yield return e.Key;
            }
        }
    }

    /// <inheritdoc />
    public IEnumerable<TomlValue> Values
    {
        get
        {
            foreach (var e in _entries)
            {
                yield return e.Value;
            }
        }
    }

    /// <inheritdoc />
    public TomlValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"TOML table has no key '{key}'");

    /// <summary>Adds <paramref name="key"/>; throws ArgumentException when the key already exists.</summary>
    public void Add(string key, TomlValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (IndexOf(key) >= 0)
        {
            throw new ArgumentException($"TOML table already has key '{key}'", nameof(key));
        }
        AddEntry(key, value, default);
    }

    /// <summary>Where <paramref name="key"/> was written (the first part of a dotted key names its table).</summary>
    public bool TryGetKeyPosition(string key, out TomlPosition position)
    {
        var i = IndexOf(key);
        position = i >= 0 ? _entries[i].KeyPosition : default;
        return i >= 0;
    }

    /// <inheritdoc />
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TomlValue value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _entries[i].Value : null;
        return i >= 0;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, TomlValue>> GetEnumerator()
    {
        foreach (var e in _entries)
        {
            yield return new KeyValuePair<string, TomlValue>(e.Key, e.Value);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal TomlValue? Find(string key)
    {
        var i = IndexOf(key);
        return i >= 0 ? _entries[i].Value : null;
    }

    internal TomlValue? Find(ReadOnlySpan<char> key)
    {
        if (_index is not null)
        {
            return _index.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var i) ? _entries[i].Value : null;
        }
        foreach (var e in _entries)
        {
            if (key.SequenceEqual(e.Key))
            {
                return e.Value;
            }
        }
        return null;
    }

    internal TomlPosition KeyPositionAt(string key) => _entries[IndexOf(key)].KeyPosition;

    internal void AddEntry(string key, TomlValue value, TomlPosition keyPosition)
    {
        _entries.Add(new Entry(key, value, keyPosition));
        if (_index is not null)
        {
            _index[key] = _entries.Count - 1;
        }
        else if (_entries.Count > IndexThreshold)
        {
            _index = new Dictionary<string, int>(_entries.Count * 2, StringComparer.Ordinal);
            for (var i = 0; i < _entries.Count; i++)
            {
                _index[_entries[i].Key] = i;
            }
        }
    }

    private int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var i) ? i : -1;
        }
        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    private readonly record struct Entry(string Key, TomlValue Value, TomlPosition KeyPosition);
}
