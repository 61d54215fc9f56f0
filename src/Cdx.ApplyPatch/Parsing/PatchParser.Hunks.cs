using Cdx.ApplyPatch.Model;

namespace Cdx.ApplyPatch.Parsing;

public static partial class PatchParser
{
    private const string HunkHeaderHelp =
        "Valid hunk headers: '*** Add File: {path}', '*** Delete File: {path}', '*** Update File: {path}'";

    // Parses one hunk starting at lines[index]; returns it and how many lines it used.
    private static (PatchHunk Hunk, int Used) ParseHunk(string[] lines, int index, int end, int lineNumber)
    {
        // Headers tolerate padding (models indent them); the path is what follows the marker.
        var header = lines[index].Trim();
        if (header.StartsWith(AddMarker, StringComparison.Ordinal))
        {
            var contents = new System.Text.StringBuilder();
            var used = 1;
            while (index + used < end && lines[index + used].StartsWith('+'))
            {
                contents.Append(lines[index + used], 1, lines[index + used].Length - 1).Append('\n');
                used++;
            }
            return (new AddFileHunk(header[AddMarker.Length..], contents.ToString()), used);
        }
        if (header.StartsWith(DeleteMarker, StringComparison.Ordinal))
        {
            return (new DeleteFileHunk(header[DeleteMarker.Length..]), 1);
        }
        if (header.StartsWith(UpdateMarker, StringComparison.Ordinal))
        {
            return ParseUpdate(lines, index, end, lineNumber, header[UpdateMarker.Length..]);
        }
        throw new PatchParseException($"'{header}' is not a valid hunk header. {HunkHeaderHelp}", lineNumber);
    }

    private static (PatchHunk Hunk, int Used) ParseUpdate(string[] lines, int index, int end, int lineNumber, string path)
    {
        var used = 1;
        string? movePath = null;
        // The Move line is matched untrimmed, exactly as Codex does.
        if (index + used < end && lines[index + used].StartsWith(MoveMarker, StringComparison.Ordinal))
        {
            movePath = lines[index + used][MoveMarker.Length..];
            used++;
        }
        var chunks = new List<UpdateChunk>();
        while (index + used < end)
        {
            var line = lines[index + used];
            if (line.Trim().Length == 0)
            {
                used++;
                continue;
            }
            if (line.StartsWith('*'))
            {
                break;
            }
            var (chunk, chunkLines) = ParseChunk(lines, index + used, end, lineNumber + used, chunks.Count == 0);
            chunks.Add(chunk);
            used += chunkLines;
        }
        if (chunks.Count == 0)
        {
            throw new PatchParseException($"Update file hunk for path '{path}' is empty", lineNumber);
        }
        return (new UpdateFileHunk(path, movePath, chunks), used);
    }

    private static (UpdateChunk Chunk, int Used) ParseChunk(string[] lines, int index, int end, int lineNumber, bool allowMissingContext)
    {
        string? context = null;
        var start = 0;
        var first = lines[index];
        if (first == "@@")
        {
            start = 1;
        }
        else if (first.StartsWith("@@ ", StringComparison.Ordinal))
        {
            context = first[3..];
            start = 1;
        }
        else if (!allowMissingContext)
        {
            throw new PatchParseException($"Expected update hunk to start with a @@ context marker, got: '{first}'", lineNumber);
        }
        if (index + start >= end)
        {
            throw new PatchParseException("Update hunk does not contain any lines", lineNumber + 1);
        }
        var oldLines = new List<string>();
        var newLines = new List<string>();
        var contextLines = new List<(int, int)>();
        var eof = false;
        var parsed = 0;
        for (var i = index + start; i < end; i++)
        {
            var line = lines[i];
            if (line == EndOfFileMarker)
            {
                if (parsed == 0)
                {
                    throw new PatchParseException("Update hunk does not contain any lines", lineNumber + 1);
                }
                eof = true;
                parsed++;
                break;
            }
            if (line.Length == 0 || line[0] == ' ')
            {
                var text = line.Length == 0 ? string.Empty : line[1..];
                contextLines.Add((oldLines.Count, newLines.Count));
                oldLines.Add(text);
                newLines.Add(text);
            }
            else if (line[0] == '+')
            {
                newLines.Add(line[1..]);
            }
            else if (line[0] == '-')
            {
                oldLines.Add(line[1..]);
            }
            else if (parsed == 0)
            {
                throw new PatchParseException(
                    $"Unexpected line found in update hunk: '{line}'. Every line should start with ' ' (context line), '+' (added line), or '-' (removed line)",
                    lineNumber + 1);
            }
            else
            {
                // Anything else starts the next chunk or hunk.
                break;
            }
            parsed++;
        }
        return (new UpdateChunk(context, oldLines, newLines, contextLines, eof), parsed + start);
    }
}
