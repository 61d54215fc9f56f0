using System.Net.Sockets;
using System.Text;

namespace Cdx.Testing;

public sealed partial class ScriptedModelServer
{
    private static readonly IReadOnlyDictionary<string, string> EmptyHeaders = new Dictionary<string, string>();

    private static async Task<RecordedRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken ct)
    {
        var reader = new BufferedLineReader(stream);
        var requestLine = await reader.ReadLineAsync(ct);
        if (string.IsNullOrEmpty(requestLine))
        {
            return null;
        }
        var parts = requestLine.Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadLineAsync(ct) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var prior) ? prior + ", " + value : value;
        }
        byte[] body;
        if (headers.TryGetValue("transfer-encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await reader.ReadChunkedAsync(ct);
        }
        else
        {
            var length = headers.TryGetValue("content-length", out var cl) && int.TryParse(cl, out var n) ? n : 0;
            body = await reader.ReadExactAsync(length, ct);
        }
        var target = parts.Length > 1 ? parts[1] : "/";
        var q = target.IndexOf('?');
        return new RecordedRequest
        {
            Method = parts[0],
            Path = q < 0 ? target : target[..q],
            Query = q < 0 ? string.Empty : target[(q + 1)..],
            Headers = headers,
            Body = Encoding.UTF8.GetString(body),
            ReceivedAt = DateTimeOffset.UtcNow,
        };
    }

    private static async Task WriteSimpleResponseAsync(
        NetworkStream stream, int status, string body, IReadOnlyDictionary<string, string> headers, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder()
            .Append($"HTTP/1.1 {status} {ReasonPhrase(status)}\r\n")
            .Append(body.TrimStart().StartsWith('{') ? "content-type: application/json\r\n" : "content-type: text/plain\r\n")
            .Append($"content-length: {bytes.Length}\r\n")
            .Append("connection: close\r\n");
        AppendHeaders(head, headers);
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), ct);
        await stream.WriteAsync(bytes, ct);
        await stream.FlushAsync(ct);
    }

    private static async Task WriteStreamHeadAsync(NetworkStream stream, IReadOnlyDictionary<string, string> headers, CancellationToken ct)
    {
        var head = new StringBuilder()
            .Append("HTTP/1.1 200 OK\r\n")
            .Append("content-type: text/event-stream\r\n")
            .Append("cache-control: no-cache\r\n")
            .Append("transfer-encoding: chunked\r\n")
            .Append("connection: close\r\n");
        AppendHeaders(head, headers);
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), ct);
        await stream.FlushAsync(ct);
    }

    private static async Task WriteChunkAsync(NetworkStream stream, string text, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{bytes.Length:x}\r\n"), ct);
        await stream.WriteAsync(bytes, ct);
        await stream.WriteAsync("\r\n"u8.ToArray(), ct);
        await stream.FlushAsync(ct);
    }

    private static async Task EndChunksAsync(NetworkStream stream, CancellationToken ct)
    {
        await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), ct);
        await stream.FlushAsync(ct);
    }

    private static void AppendHeaders(StringBuilder head, IReadOnlyDictionary<string, string> headers)
    {
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        413 => "Payload Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    };

    /// <summary>Minimal buffered reader for an HTTP/1.1 request head and body.</summary>
    private sealed class BufferedLineReader(NetworkStream stream)
    {
        private readonly byte[] _buffer = new byte[16384];
        private int _start;
        private int _end;

        public async Task<string?> ReadLineAsync(CancellationToken ct)
        {
            var line = new List<byte>();
            while (true)
            {
                if (_start == _end && !await FillAsync(ct))
                {
                    return line.Count == 0 ? null : Encoding.ASCII.GetString(line.ToArray());
                }
                var b = _buffer[_start++];
                if (b == (byte)'\n')
                {
                    if (line.Count > 0 && line[^1] == (byte)'\r')
                    {
                        line.RemoveAt(line.Count - 1);
                    }
                    return Encoding.UTF8.GetString(line.ToArray());
                }
                line.Add(b);
            }
        }

        public async Task<byte[]> ReadExactAsync(int count, CancellationToken ct)
        {
            var result = new byte[count];
            var filled = 0;
            while (filled < count)
            {
                if (_start == _end && !await FillAsync(ct))
                {
                    throw new IOException("request body ended early");
                }
                var n = Math.Min(count - filled, _end - _start);
                Array.Copy(_buffer, _start, result, filled, n);
                _start += n;
                filled += n;
            }
            return result;
        }

        public async Task<byte[]> ReadChunkedAsync(CancellationToken ct)
        {
            using var body = new MemoryStream();
            while (await ReadLineAsync(ct) is { } sizeLine)
            {
                var size = Convert.ToInt32(sizeLine.Split(';')[0].Trim(), 16);
                if (size == 0)
                {
                    while (await ReadLineAsync(ct) is { Length: > 0 })
                    {
                    }
                    break;
                }
                body.Write(await ReadExactAsync(size, ct));
                await ReadLineAsync(ct);
            }
            return body.ToArray();
        }

        private async Task<bool> FillAsync(CancellationToken ct)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, ct);
            return _end > 0;
        }
    }
}
