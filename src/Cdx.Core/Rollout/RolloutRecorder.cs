using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cdx.Protocol.Items;
using Cdx.Protocol.Rollout;

namespace Cdx.Core.Rollout;

/// <summary>
/// Appends rollout records to `$CODEX_HOME/sessions/YYYY/MM/DD/rollout-&lt;local ts&gt;-&lt;id&gt;.jsonl`.
/// Each record is one write of a whole line followed by a flush, so a `kill -9` at any moment
/// leaves every earlier line intact and at worst one torn last line (which the reader skips).
/// </summary>
public sealed class RolloutRecorder : IDisposable
{
    private readonly FileStream _stream;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private long _ordinal;

    private RolloutRecorder(string path, FileStream stream, long nextOrdinal, TimeProvider time)
    {
        FilePath = path;
        _stream = stream;
        _ordinal = nextOrdinal;
        _time = time;
    }

    /// <summary>The rollout file.</summary>
    public string FilePath { get; }

    /// <summary>The file name Codex uses for a thread started at <paramref name="localStart"/>.</summary>
    public static string RelativePathFor(DateTimeOffset localStart, string threadId) => Path.Combine(
        localStart.ToString("yyyy", CultureInfo.InvariantCulture),
        localStart.ToString("MM", CultureInfo.InvariantCulture),
        localStart.ToString("dd", CultureInfo.InvariantCulture),
        $"rollout-{localStart.ToString("yyyy-MM-dd'T'HH-mm-ss", CultureInfo.InvariantCulture)}-{threadId}.jsonl");

    /// <summary>Creates a new file for <paramref name="meta"/> and writes its `session_meta` line.</summary>
    public static RolloutRecorder Create(string codexHome, SessionMeta meta, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var path = Path.Combine(codexHome, "sessions", RelativePathFor(time.GetLocalNow(), meta.Id));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
        var recorder = new RolloutRecorder(path, stream, 0, time);
        recorder.Append(RolloutTypes.SessionMeta, RolloutJson.ToNode(meta));
        return recorder;
    }

    /// <summary>Re-opens an existing file for appending; ordinals continue after <paramref name="nextOrdinal"/>.</summary>
    public static RolloutRecorder Resume(string path, long nextOrdinal, TimeProvider? time = null)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        // A process killed mid-write can leave a line without its newline: start ours on a fresh line.
        if (stream.Length > 0)
        {
            stream.Seek(-1, SeekOrigin.End);
            var last = stream.ReadByte();
            stream.Seek(0, SeekOrigin.End);
            if (last != '\n')
            {
                stream.Write("\n"u8);
            }
        }
        return new RolloutRecorder(path, stream, nextOrdinal, time ?? TimeProvider.System);
    }

    /// <summary>Appends one record and flushes it to the operating system.</summary>
    public void Append(string type, JsonNode payload) => Append(type, w => payload.WriteTo(w));

    private void Append(string type, Action<Utf8JsonWriter> writePayload)
    {
        lock (_gate)
        {
            var buffer = new ArrayBufferWriter<byte>(512);
            RolloutJson.WriteLine(buffer, _time.GetUtcNow(), _ordinal, type, writePayload);
            buffer.Write("\n"u8);
            _stream.Write(buffer.WrittenSpan);
            _stream.Flush(flushToDisk: false);
            _ordinal++;
        }
    }

    /// <summary>Appends a `response_item` record, written straight from the item (no JSON tree in between).</summary>
    public void AppendItem(ResponseItem item) => Append(RolloutTypes.ResponseItem, w => ResponseItemJson.Write(w, item));

    /// <summary>Appends an `event_msg` record.</summary>
    public void AppendEvent(EventMessage e) => Append(RolloutTypes.EventMsg, RolloutJson.ToNode(e));

    /// <summary>Appends a `turn_context` record.</summary>
    public void AppendTurnContext(TurnContextRecord record) => Append(RolloutTypes.TurnContext, RolloutJson.ToNode(record));

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _stream.Dispose();
        }
    }
}
