using System.Text;

namespace Cdx.Toml;

// Set: replace a value's bytes in place, or insert a new line (or section) in the right place.
public sealed partial class TomlEditor
{
    private string Newline
    {
        get
        {
            var lf = _text.IndexOf('\n');
            return lf > 0 && _text[lf - 1] == '\r' ? "\r\n" : "\n";
        }
    }

    private (int Start, int End, string Replacement) PlanSet(IReadOnlyList<string> keyPath, TomlValue value)
    {
        var (parent, depth, existing) = Locate(keyPath, forRemove: false)!.Value;
        if (existing is not null && !CanReplaceInPlace(existing, value))
        {
            Remove(keyPath);
            (parent, depth, existing) = Locate(keyPath, forRemove: false)!.Value;
        }
        if (existing is not null)
        {
            var kv = _map.ByValue[existing];
            return (kv.ValueStart, kv.ValueEnd, TomlFormatter.FormatValue(value));
        }
        var missing = keyPath.Skip(depth).ToArray();
        if (parent.IsInline || parent.Frozen)
        {
            var (inline, relative) = parent.IsInline ? (parent, Array.Empty<string>()) : _map.DottedOf[parent];
            return InsertInline(inline, [.. relative, .. missing], value);
        }
        if (IsStructural(value))
        {
            return AppendAtEnd(RenderSections(keyPath.ToArray(), value));
        }
        if (parent.Origin == TableOrigin.Dotted && _map.DottedOf.TryGetValue(parent, out var dotted))
        {
            return InsertInSection(dotted.Container, [.. dotted.Relative, .. missing], value);
        }
        if (missing.Length == 1 && parent.Origin is TableOrigin.Root or TableOrigin.Header or TableOrigin.ArrayElement)
        {
            return InsertInSection(parent, missing, value);
        }
        // The parent table has no section of its own yet: give it one at the end.
        var nl = Newline;
        var block = $"[{TomlFormatter.FormatKeyPath(keyPath.Take(keyPath.Count - 1).ToArray())}]{nl}{EntryText(missing[^1..], value)}{nl}";
        return AppendAtEnd(block);
    }

    /// <summary>Walks the key path (arrays of tables resolve to their last element, as headers do).</summary>
    private (TomlTable Parent, int Depth, TomlValue? Existing)? Locate(IReadOnlyList<string> keyPath, bool forRemove)
    {
        var table = _document;
        for (var i = 0; i < keyPath.Count - 1; i++)
        {
            switch (table.Find(keyPath[i]))
            {
                case null:
                    return (table, i, null);
                case TomlTable t:
                    table = t;
                    break;
                case TomlArray { IsArrayOfTables: true, Count: > 0 } aot:
                    table = (TomlTable)aot[aot.Count - 1];
                    break;
                case var other:
                    if (forRemove)
                    {
                        return null;
                    }
                    var shown = TomlFormatter.FormatKeyPath(keyPath.Take(i + 1).ToArray());
                    throw new TomlEditException(
                        $"cannot set '{TomlFormatter.FormatKeyPath(keyPath.ToArray())}': '{shown}' holds a {other.TypeName} (at {other.Position}), not a table; remove '{shown}' first");
            }
        }
        return (table, keyPath.Count - 1, table.Find(keyPath[^1]));
    }

    private bool CanReplaceInPlace(TomlValue existing, TomlValue value) =>
        _map.ByValue.TryGetValue(existing, out var kv) && (!IsStructural(value) || kv.Container.IsInline || kv.Container.Frozen);

    /// <summary>True for values written as `[table]` / `[[array]]` sections rather than inline.</summary>
    private static bool IsStructural(TomlValue value) => value switch
    {
        TomlTable t => !t.IsInline,
        TomlArray { IsArrayOfTables: true, Count: > 0 } a => a.All(v => v is TomlTable { IsInline: false }),
        _ => false,
    };

    private static string EntryText(ReadOnlySpan<string> keyParts, TomlValue value) =>
        $"{TomlFormatter.FormatKeyPath(keyParts)} = {TomlFormatter.FormatValue(value)}";

    private (int, int, string) InsertInSection(TomlTable section, string[] relative, TomlValue value)
    {
        var nl = Newline;
        var entry = EntryText(relative, value);
        var last = _map.KeyValues.FindLast(kv => ReferenceEquals(kv.Container, section));
        if (last.Container is not null)
        {
            var lineStart = LineStart(last.KeyStart);
            var indent = _text[lineStart..last.KeyStart];
            return InsertLineAt(EndOfLine(last.ValueEnd), indent + entry, nl);
        }
        if (_map.HeaderIndexOf.TryGetValue(section, out var header))
        {
            return InsertLineAt(EndOfLine(_map.Headers[header].End), entry, nl);
        }
        if (_map.Headers.Count == 0)
        {
            return InsertLineAt(_text.Length, entry, nl);
        }
        // Root keys must come before the first header; keep a comment block attached to that header.
        var at = CommentBlockStart(LineStart(_map.Headers[0].Start), 0);
        return (at, at, entry + nl + nl);
    }

    private (int, int, string) InsertLineAt(int at, string line, string nl)
    {
        var needsBreak = at == _text.Length && at > 0 && _text[at - 1] != '\n';
        return (at, at, (needsBreak ? nl : "") + line + nl);
    }

    private (int, int, string) InsertInline(TomlTable inline, string[] relative, TomlValue value)
    {
        var entry = EntryText(relative, value);
        var (open, close) = _map.InlineOf[inline];
        var last = _map.KeyValues.FindLast(kv => ReferenceEquals(kv.Container, inline));
        return last.Container is null ? (open + 1, close, $" {entry} ") : (last.ValueEnd, last.ValueEnd, ", " + entry);
    }

    private (int, int, string) AppendAtEnd(string block)
    {
        var nl = Newline;
        var prefix = "";
        if (_text.Length > 0)
        {
            prefix = (_text[^1] == '\n' ? "" : nl) + (IsBlankTail() ? "" : nl);
        }
        return (_text.Length, _text.Length, prefix + block);
    }

    private bool IsBlankTail() => _text.EndsWith("\n\n", StringComparison.Ordinal) || _text.EndsWith("\n\r\n", StringComparison.Ordinal);

    /// <summary>Renders a table (or array of tables) as sections under <paramref name="path"/>.</summary>
    private string RenderSections(string[] path, TomlValue value)
    {
        var nl = Newline;
        var sb = new StringBuilder();
        if (value is TomlArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                sb.Append(i == 0 ? "" : nl);
                RenderTable(sb, path, (TomlTable)array[i], $"[[{TomlFormatter.FormatKeyPath(path)}]]", nl);
            }
        }
        else
        {
            RenderTable(sb, path, (TomlTable)value, $"[{TomlFormatter.FormatKeyPath(path)}]", nl);
        }
        return sb.ToString();
    }

    private void RenderTable(StringBuilder sb, string[] path, TomlTable table, string header, string nl)
    {
        sb.Append(header).Append(nl);
        foreach (var (key, item) in table)
        {
            if (!IsStructural(item))
            {
                sb.Append(EntryText([key], item)).Append(nl);
            }
        }
        foreach (var (key, item) in table)
        {
            if (IsStructural(item))
            {
                sb.Append(nl).Append(RenderSections([.. path, key], item));
            }
        }
    }

    private int LineStart(int index)
    {
        var start = index == 0 ? 0 : _text.LastIndexOf('\n', index - 1) + 1;
        // A byte-order mark belongs to the file, not to the first line's content.
        return start == 0 && _text.Length > 0 && _text[0] == '\uFEFF' && index > 0 ? 1 : start;
    }

    private int EndOfLine(int index)
    {
        var lf = _text.IndexOf('\n', index);
        return lf < 0 ? _text.Length : lf + 1;
    }

    /// <summary>The start of the run of comment-only lines directly above <paramref name="lineStart"/>.</summary>
    private int CommentBlockStart(int lineStart, int floor)
    {
        while (lineStart > floor)
        {
            var previous = LineStart(lineStart - 1);
            if (previous < floor || !_text.AsSpan(previous, lineStart - previous).TrimStart(" \t").StartsWith("#"))
            {
                break;
            }
            lineStart = previous;
        }
        return lineStart;
    }
}
