using System.Text;
using Cdx.ApplyPatch.Model;

namespace Cdx.ApplyPatch.Parsing;

/// <summary>
/// Reads the lines of a patch one at a time (Codex 0.169's line-oriented parser): which line may
/// follow which, and the exact error and line number when one may not.
/// </summary>
internal sealed partial class HunkLineParser
{
    private const string EnvironmentIdMarker = "*** Environment ID:";
    private const string HunkHeaderHelp =
        "Valid hunk headers: '*** Add File: {path}', '*** Delete File: {path}', '*** Update File: {path}'";

    private readonly List<PatchHunk> _done = [];
    private Mode _mode = Mode.Started;
    private int _lineNumber = 1;
    private int _updateLineNumber;
    private string _path = string.Empty;
    private StringBuilder? _addContents;
    private string? _movePath;
    private List<ChunkBuilder>? _chunks;

    private enum Mode
    {
        Started,
        AddFile,
        DeleteFile,
        UpdateFile,
        Ended,
    }

    public string? EnvironmentId { get; private set; }

    public IReadOnlyList<PatchHunk> Hunks => _done;

    /// <summary>Feeds the line after the previous one (the Begin marker was line 1).</summary>
    public void Feed(string line)
    {
        _lineNumber++;
        var trimmed = line.Trim();
        switch (_mode)
        {
            case Mode.Started or Mode.DeleteFile:
                if (!TryHeader(trimmed))
                {
                    throw NotAHeader(trimmed);
                }
                break;
            case Mode.AddFile:
                if (TryHeader(trimmed))
                {
                    break;
                }
                if (!line.StartsWith('+'))
                {
                    throw NotAHeader(trimmed);
                }
                _addContents!.Append(line, 1, line.Length - 1).Append('\n');
                break;
            case Mode.UpdateFile:
                FeedUpdate(line);
                break;
            default:
                if (trimmed.Length > 0)
                {
                    throw new PatchParseException("The last line of the patch must be '*** End Patch'", null);
                }
                break;
        }
    }

    /// <summary>Feeds the last line of the patch (the End marker, possibly padded) and checks the patch is complete.</summary>
    public void FeedLast(string line)
    {
        if (line.Trim() == PatchParser.EndMarker)
        {
            _lineNumber++;
            CloseHunk(PatchParser.EndMarker);
            _mode = Mode.Ended;
        }
        else
        {
            Feed(line);
        }
        if (_mode != Mode.Ended)
        {
            throw new PatchParseException("The last line of the patch must be '*** End Patch'", null);
        }
    }

    private PatchParseException NotAHeader(string trimmed) =>
        new($"'{trimmed}' is not a valid hunk header. {HunkHeaderHelp}", _lineNumber);

    private PatchParseException UnexpectedLine(string line) =>
        new($"Unexpected line found in update hunk: '{line}'. Every line should start with ' ' (context line), '+' (added line), or '-' (removed line)", _lineNumber);

    private PatchParseException ExpectedContextMarker(string line) =>
        new($"Expected update hunk to start with a @@ context marker, got: '{line}'", _lineNumber);

    // Headers, End Patch and (right after Begin) Environment ID. Returns false when the line is none of them.
    private bool TryHeader(string header)
    {
        if (_mode == Mode.Started && _done.Count == 0 && header.StartsWith(EnvironmentIdMarker, StringComparison.Ordinal))
        {
            if (EnvironmentId is not null)
            {
                throw new PatchParseException("apply_patch environment_id cannot be specified more than once", null);
            }
            var id = header[EnvironmentIdMarker.Length..].Trim();
            EnvironmentId = id.Length > 0 ? id : throw new PatchParseException("apply_patch environment_id cannot be empty", null);
            return true;
        }
        Mode next;
        string path;
        if (header == PatchParser.EndMarker)
        {
            (next, path) = (Mode.Ended, string.Empty);
        }
        else if (header.StartsWith(PatchParser.AddMarker, StringComparison.Ordinal))
        {
            (next, path) = (Mode.AddFile, header[PatchParser.AddMarker.Length..]);
        }
        else if (header.StartsWith(PatchParser.DeleteMarker, StringComparison.Ordinal))
        {
            (next, path) = (Mode.DeleteFile, header[PatchParser.DeleteMarker.Length..]);
        }
        else if (header.StartsWith(PatchParser.UpdateMarker, StringComparison.Ordinal))
        {
            (next, path) = (Mode.UpdateFile, header[PatchParser.UpdateMarker.Length..]);
        }
        else
        {
            return false;
        }
        CloseHunk(header);
        Open(next, path);
        return true;
    }

    private void Open(Mode mode, string path)
    {
        _mode = mode;
        _path = path;
        _addContents = mode == Mode.AddFile ? new StringBuilder() : null;
        _chunks = mode == Mode.UpdateFile ? [] : null;
        _movePath = null;
        if (mode == Mode.UpdateFile)
        {
            _updateLineNumber = _lineNumber;
        }
        else if (mode == Mode.DeleteFile)
        {
            _done.Add(new DeleteFileHunk(path));
        }
    }

    // Completes the hunk being read when the next header (or End Patch) arrives.
    private void CloseHunk(string nextHeader)
    {
        if (_mode == Mode.AddFile)
        {
            _done.Add(new AddFileHunk(_path, _addContents!.ToString()));
        }
        else if (_mode == Mode.UpdateFile)
        {
            if (_chunks!.Count == 0)
            {
                throw new PatchParseException($"Update file hunk for path '{_path}' is empty", _updateLineNumber);
            }
            if (_chunks[^1].IsEmpty)
            {
                throw nextHeader == PatchParser.EndMarker
                    ? new PatchParseException("Update hunk does not contain any lines", _lineNumber)
                    : UnexpectedLine(nextHeader);
            }
            var chunks = new UpdateChunk[_chunks.Count];
            for (var i = 0; i < chunks.Length; i++)
            {
                chunks[i] = _chunks[i].Build();
            }
            _done.Add(new UpdateFileHunk(_path, _movePath, chunks));
        }
    }
}
