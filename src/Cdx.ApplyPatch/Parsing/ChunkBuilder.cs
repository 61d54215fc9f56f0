using Cdx.ApplyPatch.Model;

namespace Cdx.ApplyPatch.Parsing;

/// <summary>An Update chunk while its lines are being read.</summary>
internal sealed class ChunkBuilder(string? context)
{
    private readonly List<string> _old = [];
    private readonly List<string> _new = [];
    // A plain array rather than List<(int, int)>: generic code over value tuples is JIT-compiled at run time.
    private (int, int)[] _contextLines = new (int, int)[4];
    private int _contextCount;

    public bool IsEndOfFile { get; set; }

    public bool IsEmpty => _old.Count == 0 && _new.Count == 0;

    public void AddContext(string text)
    {
        if (_contextCount == _contextLines.Length)
        {
            _contextLines = Copy(_contextLines, Math.Max(4, _contextCount * 2));
        }
        _contextLines[_contextCount++] = (_old.Count, _new.Count);
        _old.Add(text);
        _new.Add(text);
    }

    public void AddOld(string text) => _old.Add(text);

    public void AddNew(string text) => _new.Add(text);

    public UpdateChunk Build() => new(context, _old, _new, Copy(_contextLines, _contextCount), IsEndOfFile);

    // Array.Copy, not Array.Resize<T>: the generic one would be JIT-compiled for the tuple type.
    private static (int, int)[] Copy((int, int)[] from, int length)
    {
        var to = new (int, int)[length];
        Array.Copy(from, to, Math.Min(from.Length, length));
        return to;
    }
}
