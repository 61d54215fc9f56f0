using Cdx.ApplyPatch.Model;

namespace Cdx.ApplyPatch.Parsing;

/// <summary>An Update chunk while its lines are being read.</summary>
internal sealed class ChunkBuilder(string? context)
{
    private readonly List<string> _old = [];
    private readonly List<string> _new = [];
    private readonly List<(int, int)> _contextLines = [];

    public bool IsEndOfFile { get; set; }

    public bool IsEmpty => _old.Count == 0 && _new.Count == 0;

    public void AddContext(string text)
    {
        _contextLines.Add((_old.Count, _new.Count));
        _old.Add(text);
        _new.Add(text);
    }

    public void AddOld(string text) => _old.Add(text);

    public void AddNew(string text) => _new.Add(text);

    public UpdateChunk Build() => new(context, _old, _new, _contextLines, IsEndOfFile);
}
