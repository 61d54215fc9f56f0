using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Cdx.Governance.Client.Telemetry;

/// <summary>
/// The durable local spool: `events.jsonl` (append-only, one JSON event per line, fsync'd before
/// Append returns) and `shipped.offset` (bytes already delivered, replaced atomically). A process
/// killed mid-write leaves at most a torn last line, which the next append closes off and readers
/// skip. Every operation holds `spool.lock` (an exclusive file lock), so several cdx processes can
/// share one spool.
/// </summary>
public sealed class TelemetrySpool(string directory)
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    /// <summary>The spool directory, normally `$CODEX_HOME/governance/spool`.</summary>
    public string Directory { get; } = directory;

    /// <summary>The event file.</summary>
    public string EventsPath => Path.Combine(Directory, "events.jsonl");

    private string OffsetPath => Path.Combine(Directory, "shipped.offset");

    private string RejectedPath => Path.Combine(Directory, "rejected.jsonl");

    /// <summary>The default spool directory under <paramref name="codexHome"/>.</summary>
    public static string DefaultDirectory(string codexHome) => Path.Combine(codexHome, "governance", "spool");

    /// <summary>Appends events durably: when this returns, they survive `kill -9` and power loss.</summary>
    public void Append(IReadOnlyCollection<TelemetryEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }
        var text = new StringBuilder();
        foreach (var e in events)
        {
            text.Append(JsonSerializer.Serialize(e, TelemetryJsonContext.Default.TelemetryEvent)).Append('\n');
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        using var _ = Lock();
        using var file = new FileStream(EventsPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite, 1, FileOptions.None);
        if (file.Length > 0)
        {
            file.Seek(-1, SeekOrigin.End);
            if (file.ReadByte() != '\n')
            {
                // A crash tore the last write: end that fragment so it stays one damaged line instead of spoiling this one.
                file.Write("\n"u8);
            }
        }
        file.Seek(0, SeekOrigin.End);
        file.Write(bytes);
        file.Flush(flushToDisk: true);
    }

    /// <summary>Reads up to <paramref name="max"/> events after the shipped offset; null when nothing is pending.</summary>
    public SpoolBatch? ReadBatch(int max)
    {
        using var _ = Lock();
        var offset = ReadOffset();
        if (!File.Exists(EventsPath))
        {
            return null;
        }
        using var file = new FileStream(EventsPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (offset >= file.Length)
        {
            return null;
        }
        file.Seek(offset, SeekOrigin.Begin);
        var events = new List<TelemetryEvent>();
        var lines = new List<string>();
        var damaged = 0;
        var end = offset;
        var buffer = new MemoryStream();
        int b;
        while (events.Count < max && (b = file.ReadByte()) >= 0)
        {
            if (b != '\n')
            {
                buffer.WriteByte((byte)b);
                continue;
            }
            end = file.Position;
            var line = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            buffer.SetLength(0);
            var e = Parse(line);
            if (e is null)
            {
                damaged++;
                continue;
            }
            events.Add(e);
            lines.Add(line);
        }
        // Bytes after the last newline are a write torn by a crash (writers hold the lock), never a line in progress.
        return end == offset ? null : new SpoolBatch { Events = events, Lines = lines, EndOffset = end, DamagedLines = damaged };
    }

    /// <summary>Marks everything before <paramref name="endOffset"/> as delivered (never moves backwards); empties the spool when all is delivered.</summary>
    public void Commit(long endOffset)
    {
        using var _ = Lock();
        var current = ReadOffset();
        if (endOffset <= current)
        {
            return;
        }
        var length = File.Exists(EventsPath) ? new FileInfo(EventsPath).Length : 0;
        if (endOffset >= length)
        {
            // Everything is delivered: truncate instead of letting the file grow forever.
            using (var file = new FileStream(EventsPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
                file.SetLength(0);
                file.Flush(flushToDisk: true);
            }
            WriteOffset(0);
            return;
        }
        WriteOffset(endOffset);
    }

    /// <summary>Moves lines the server refused as malformed to `rejected.jsonl`, so one bad event cannot block the rest.</summary>
    public void Reject(SpoolBatch batch)
    {
        using (Lock())
        {
            using var file = new FileStream(RejectedPath, FileMode.Append, FileAccess.Write, FileShare.Read);
            file.Write(Encoding.UTF8.GetBytes(string.Concat(batch.Lines.Select(l => l + "\n"))));
            file.Flush(flushToDisk: true);
        }
        Commit(batch.EndOffset);
    }

    /// <summary>Bytes not yet delivered.</summary>
    public long PendingBytes
    {
        get
        {
            using var _ = Lock();
            var length = File.Exists(EventsPath) ? new FileInfo(EventsPath).Length : 0;
            return Math.Max(0, length - ReadOffset());
        }
    }

    private static TelemetryEvent? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, TelemetryJsonContext.Default.TelemetryEvent);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private long ReadOffset()
    {
        try
        {
            return long.TryParse(File.ReadAllText(OffsetPath).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }

    private void WriteOffset(long offset)
    {
        var temp = OffsetPath + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(Encoding.ASCII.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, OffsetPath, overwrite: true);
    }

    private FileStream Lock()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(Path.Combine(Directory, "spool.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(Random.Shared.Next(2, 15));
            }
        }
    }
}
