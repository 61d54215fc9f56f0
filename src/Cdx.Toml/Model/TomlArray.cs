using System.Collections;

namespace Cdx.Toml;

/// <summary>A TOML array: a static `[...]` value or an array of tables built from `[[...]]` headers.</summary>
public sealed class TomlArray : TomlValue, IReadOnlyList<TomlValue>
{
    private readonly List<TomlValue> _items;

    /// <summary>Creates a static array holding <paramref name="items"/>.</summary>
    public TomlArray(IEnumerable<TomlValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = new List<TomlValue>(items);
        foreach (var item in _items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
        }
    }

    /// <summary>Creates an array of tables (written as `[[key]]` sections when edited into a file).</summary>
    public static TomlArray OfTables(IEnumerable<TomlTable> tables) => new(tables) { IsArrayOfTables = true };

    internal TomlArray()
    {
        _items = new List<TomlValue>();
    }

    /// <summary>True when the array was written with `[[...]]` headers rather than as a value.</summary>
    public bool IsArrayOfTables { get; internal set; }

    /// <inheritdoc />
    public override string TypeName => IsArrayOfTables ? "array of tables" : "array";

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public TomlValue this[int index] => _items[index];

    internal void AddItem(TomlValue value) => _items.Add(value);

    /// <summary>Enumerates the items without allocating an enumerator object.</summary>
    public List<TomlValue>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<TomlValue> IEnumerable<TomlValue>.GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
