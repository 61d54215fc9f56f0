namespace Cdx.Toml.Parsing;

// The TOML 1.0.0 table rules: a table is defined once; dotted keys may only extend tables made by
// dotted keys in the same section; inline tables and static arrays are closed once written.
internal sealed partial class TomlReader
{
    /// <summary>Parses `key = value` and stores it in <paramref name="target"/> (the current section).</summary>
    private void ParseKeyValue(TomlTable target, int section)
    {
        var keyStart = _pos;
        var key = ParseKey();
        SkipWs();
        if (_pos >= _src.Length || _src[_pos] != '=')
        {
            throw Fail(_pos, $"expected '=' after key '{key.Display(key.Count - 1)}', found {DescribeAt(_pos)}");
        }
        _pos++;
        SkipWs();
        // Resolve the key before the value: a multi-line value moves the line counter on.
        var owner = target;
        for (var i = 0; i < key.Count - 1; i++)
        {
            owner = DescendForDottedKey(owner, key, i, section, target);
        }
        if (owner.Find(key.Last) is not null)
        {
            var first = owner.KeyPositionAt(key.Last);
            throw Fail(key.LastStart, $"duplicate key '{key.Display(key.Count - 1)}' (first defined at {first}); remove one of the two definitions");
        }
        var keyPosition = PositionAt(key.LastStart);
        var valueStart = _pos;
        var value = ParseValue();
        owner.AddEntry(key.Last, value, keyPosition);
        _rec?.OnKeyValue(target, owner, key.Last, value, keyStart, valueStart, _pos);
    }

    private TomlTable DescendForDottedKey(TomlTable table, ParsedKey key, int i, int section, TomlTable container)
    {
        var part = key.PartAt(i);
        var existing = table.Find(part);
        if (existing is null)
        {
            var created = new TomlTable(TableOrigin.Dotted) { DottedSection = section };
            At(created, key.StartAt(i));
            table.AddEntry(part, created, created.Position);
            _rec?.OnDottedTable(created, container, key.ToArray()[..(i + 1)]);
            return created;
        }
        var shown = key.Display(i);
        if (existing is TomlTable t)
        {
            if (t.Frozen || t.IsInline)
            {
                throw Fail(key.StartAt(i), $"cannot add keys to inline table '{shown}' (defined at {t.Position}); inline tables are complete once closed, so put every key inside the braces");
            }
            switch (t.Origin)
            {
                case TableOrigin.Header:
                case TableOrigin.ArrayElement:
                    throw Fail(key.StartAt(i), $"cannot extend table '{shown}' with a dotted key: it is defined by a [header] at {t.Position}; add the key under that header");
                case TableOrigin.Dotted when t.DottedSection != section:
                    throw Fail(key.StartAt(i), $"cannot extend table '{shown}' here: it was made by dotted keys in another section at {t.Position}; add the key there");
                case TableOrigin.Implicit:
                    t.Origin = TableOrigin.Dotted;
                    t.DottedSection = section;
                    _rec?.OnDottedTable(t, container, key.ToArray()[..(i + 1)]);
                    break;
            }
            return t;
        }
        if (existing is TomlArray { IsArrayOfTables: true })
        {
            throw Fail(key.StartAt(i), $"cannot extend array of tables '{shown}' with a dotted key; use a [[{shown}]] section");
        }
        throw Fail(key.StartAt(i), $"key '{shown}' already holds a {existing.TypeName} (defined at {existing.Position}), so it cannot also be a table");
    }

    private void ParseTableHeader()
    {
        var start = _pos;
        var isArray = _pos + 1 < _src.Length && _src[_pos + 1] == '[';
        _pos += isArray ? 2 : 1;
        SkipWs();
        var key = ParseKey();
        SkipWs();
        if (isArray)
        {
            if (_pos + 1 >= _src.Length || _src[_pos] != ']' || _src[_pos + 1] != ']')
            {
                throw Fail(_pos, $"expected ']]' to close the array-of-tables header, found {DescribeAt(_pos)}");
            }
            _pos += 2;
        }
        else
        {
            if (_pos >= _src.Length || _src[_pos] != ']')
            {
                throw Fail(_pos, $"expected ']' to close the table header, found {DescribeAt(_pos)}");
            }
            _pos++;
        }
        var parent = _root;
        for (var i = 0; i < key.Count - 1; i++)
        {
            parent = DescendForHeader(parent, key, i);
        }
        var table = isArray ? DefineArrayElement(parent, key, start) : DefineHeaderTable(parent, key, start);
        _current = table;
        _section = _nextSection++;
        _rec?.OnHeader(table, start, _pos);
    }

    private TomlTable DescendForHeader(TomlTable table, ParsedKey key, int i)
    {
        var part = key.PartAt(i);
        var existing = table.Find(part);
        switch (existing)
        {
            case null:
                var created = At(new TomlTable(TableOrigin.Implicit), key.StartAt(i));
                table.AddEntry(part, created, created.Position);
                return created;
            case TomlTable t when t.Frozen || t.IsInline:
                throw Fail(key.StartAt(i), $"cannot add to inline table '{key.Display(i)}' (defined at {t.Position}); inline tables are complete once closed");
            case TomlTable t:
                return t;
            case TomlArray { IsArrayOfTables: true } aot:
                return (TomlTable)aot[aot.Count - 1];
            default:
                throw Fail(key.StartAt(i), $"key '{key.Display(i)}' already holds a {existing.TypeName} (defined at {existing.Position}), so it cannot also be a table");
        }
    }

    private TomlTable DefineHeaderTable(TomlTable parent, ParsedKey key, int start)
    {
        var shown = key.Display(key.Count - 1);
        var existing = parent.Find(key.Last);
        switch (existing)
        {
            case null:
                var created = At(new TomlTable(TableOrigin.Header), start);
                parent.AddEntry(key.Last, created, PositionAt(key.LastStart));
                return created;
            case TomlTable { Origin: TableOrigin.Implicit } t:
                At(t, start);
                t.Origin = TableOrigin.Header;
                return t;
            case TomlTable t when t.Origin == TableOrigin.Dotted:
                throw Fail(start, $"table [{shown}] is already defined by dotted keys at {t.Position}; a table can be defined only once");
            case TomlTable t:
                throw Fail(start, $"table [{shown}] is already defined at {t.Position}; a table can be defined only once, so merge the two sections");
            case TomlArray { IsArrayOfTables: true } aot:
                throw Fail(start, $"[{shown}] is an array of tables (defined at {aot.Position}); use [[{shown}]] to add an element");
            default:
                throw Fail(start, $"key '{shown}' already holds a {existing.TypeName} (defined at {existing.Position}), so it cannot also be a table");
        }
    }

    private TomlTable DefineArrayElement(TomlTable parent, ParsedKey key, int start)
    {
        var shown = key.Display(key.Count - 1);
        var existing = parent.Find(key.Last);
        TomlArray array;
        switch (existing)
        {
            case null:
                array = At(new TomlArray { IsArrayOfTables = true }, start);
                parent.AddEntry(key.Last, array, PositionAt(key.LastStart));
                break;
            case TomlArray { IsArrayOfTables: true } aot:
                array = aot;
                break;
            case TomlArray:
                throw Fail(start, $"[[{shown}]] cannot extend the array defined at {existing.Position}; static arrays are complete once written");
            case TomlTable:
                throw Fail(start, $"[[{shown}]] conflicts with the table '{shown}' defined at {existing.Position}; a key is either a table or an array of tables");
            default:
                throw Fail(start, $"key '{shown}' already holds a {existing.TypeName} (defined at {existing.Position}), so it cannot be an array of tables");
        }
        var element = At(new TomlTable(TableOrigin.ArrayElement), start);
        array.AddItem(element);
        return element;
    }

    private static void Freeze(TomlTable table)
    {
        table.Frozen = true;
        foreach (var value in table.Values)
        {
            if (value is TomlTable { Frozen: false } child)
            {
                Freeze(child);
            }
        }
    }
}
