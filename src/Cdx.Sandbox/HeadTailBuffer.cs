namespace Cdx.Sandbox;

/// <summary>
/// Output retained from a process: the first and last halves of <see cref="Capacity"/> bytes, with
/// a count of what was dropped in between, so a command that prints gigabytes costs 1 MiB.
/// Thread-safe: the pump thread appends while callers drain.
/// </summary>
public sealed class HeadTailBuffer(int capacity = HeadTailBuffer.DefaultCapacity)
{
    /// <summary>1 MiB, Codex's per-session retained-output cap.</summary>
    public const int DefaultCapacity = 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly MemoryStream _head = new();
    private readonly Queue<byte[]> _tail = new();
    private int _tailBytes;
    private long _omitted;
    private long _total;

    /// <summary>Retained bytes at most.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Every byte ever appended, kept or not.</summary>
    public long TotalBytes
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    /// <summary>Appends a chunk, dropping middle bytes once the cap is reached.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            _total += data.Length;
            var headRoom = (Capacity / 2) - (int)_head.Length;
            if (headRoom > 0)
            {
                var take = Math.Min(headRoom, data.Length);
                _head.Write(data[..take]);
                data = data[take..];
            }
            if (data.IsEmpty)
            {
                return;
            }
            _tail.Enqueue(data.ToArray());
            _tailBytes += data.Length;
            TrimTail();
        }
    }

    /// <summary>Takes everything retained (head, then tail) and the number of dropped bytes, and empties the buffer.</summary>
    public (byte[] Bytes, long OmittedBytes) Drain()
    {
        lock (_gate)
        {
            var result = new byte[_head.Length + _tailBytes];
            _head.ToArray().CopyTo(result, 0);
            var pos = (int)_head.Length;
            foreach (var chunk in _tail)
            {
                chunk.CopyTo(result, pos);
                pos += chunk.Length;
            }
            var omitted = _omitted;
            _head.SetLength(0);
            _tail.Clear();
            _tailBytes = 0;
            _omitted = 0;
            return (result, omitted);
        }
    }

    private void TrimTail()
    {
        var tailCap = Capacity - (Capacity / 2);
        while (_tailBytes > tailCap)
        {
            var first = _tail.Peek();
            var excess = _tailBytes - tailCap;
            if (first.Length <= excess)
            {
                _tail.Dequeue();
                _tailBytes -= first.Length;
                _omitted += first.Length;
            }
            else
            {
                _tail.Dequeue();
                var kept = first[excess..];
                // Re-insert at the front: rebuild the queue (rare: only when the cap is crossed).
                var rest = _tail.ToArray();
                _tail.Clear();
                _tail.Enqueue(kept);
                foreach (var c in rest)
                {
                    _tail.Enqueue(c);
                }
                _tailBytes -= excess;
                _omitted += excess;
            }
        }
    }
}
