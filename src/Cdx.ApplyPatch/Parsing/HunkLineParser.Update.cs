namespace Cdx.ApplyPatch.Parsing;

internal sealed partial class HunkLineParser
{
    // One line inside `*** Update File`: headers end the hunk (only when unindented), `@@` opens a
    // chunk, ` `/`-`/`+`/empty lines fill it, `*** End of File` pins it to the end.
    private void FeedUpdate(string line)
    {
        var updateLine = line.TrimEnd();
        if (TryHeader(updateLine))
        {
            return;
        }
        var chunks = _chunks!;
        var last = chunks.Count > 0 ? chunks[^1] : null;
        var isContextMarker = updateLine == "@@" || updateLine.StartsWith("@@ ", StringComparison.Ordinal);
        if (last is { IsEndOfFile: true })
        {
            if (updateLine.Length == 0)
            {
                return;
            }
            if (!isContextMarker)
            {
                throw ExpectedContextMarker(line);
            }
        }
        if (chunks.Count == 0 && _movePath is null && updateLine.StartsWith(PatchParser.MoveMarker, StringComparison.Ordinal))
        {
            _movePath = updateLine[PatchParser.MoveMarker.Length..];
            return;
        }
        if (isContextMarker)
        {
            // Stacked `@@` headers are rejected, as Codex does.
            if (last is { IsEmpty: true })
            {
                throw UnexpectedLine(line);
            }
            chunks.Add(new ChunkBuilder(updateLine == "@@" ? null : updateLine[3..]));
            return;
        }
        if (updateLine == PatchParser.EndOfFileMarker)
        {
            if (last is { IsEmpty: true })
            {
                throw new PatchParseException("Update hunk does not contain any lines", _lineNumber);
            }
            last?.IsEndOfFile = true;
            return;
        }
        if (line.Length == 0 || line[0] is ' ' or '+' or '-')
        {
            if (last is null)
            {
                last = new ChunkBuilder(null);
                chunks.Add(last);
            }
            AddBodyLine(last, line);
            return;
        }
        throw last is { IsEmpty: false } ? ExpectedContextMarker(line) : UnexpectedLine(line);
    }

    private static void AddBodyLine(ChunkBuilder chunk, string line)
    {
        if (line.Length == 0)
        {
            chunk.AddContext(string.Empty);
        }
        else if (line[0] == ' ')
        {
            chunk.AddContext(line[1..]);
        }
        else if (line[0] == '+')
        {
            chunk.AddNew(line[1..]);
        }
        else
        {
            chunk.AddOld(line[1..]);
        }
    }
}
