using System.Net;
using System.Net.Sockets;

namespace Cdx.Testing;

/// <summary>
/// An in-process model server on 127.0.0.1 (ephemeral port) for tests. Each POST to `/v1/responses` (SSE) or
/// `/v1/chat/completions` (chat SSE) consumes the next scripted turn; every request is recorded.
/// One request per connection (`connection: close`), chunked SSE bodies, like a plain HTTP/1.1 server.
/// </summary>
public sealed partial class ScriptedModelServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Queue<ScriptedTurn> _turns;
    private readonly ScriptedTurn? _whenExhausted;
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<Task> _connections = [];
    private readonly Lock _gate = new();
    private Task? _acceptLoop;
    private int _modelRequests;

    private ScriptedModelServer(IEnumerable<ScriptedTurn> turns, ScriptedTurn? whenExhausted)
    {
        _turns = new Queue<ScriptedTurn>(turns);
        _whenExhausted = whenExhausted;
        _listener = new TcpListener(IPAddress.Loopback, 0);
    }

    /// <summary>
    /// Starts a server that plays <paramref name="turns"/> in order; once they run out it plays
    /// <paramref name="whenExhausted"/>, or answers 400 with a body saying no turn is left.
    /// </summary>
    public static Task<ScriptedModelServer> StartAsync(IEnumerable<ScriptedTurn> turns, ScriptedTurn? whenExhausted = null)
    {
        var server = new ScriptedModelServer(turns, whenExhausted);
        server._listener.Start();
        server._acceptLoop = Task.Run(server.AcceptLoopAsync);
        return Task.FromResult(server);
    }

    /// <summary>Starts a server that plays these turns in order.</summary>
    public static Task<ScriptedModelServer> StartAsync(params ScriptedTurn[] turns) => StartAsync(turns, null);

    /// <summary>The TCP port.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The provider base URL, ending in `/v1` (use as `base_url` or `OPENAI_BASE_URL`).</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}/v1";

    /// <summary>A snapshot of every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>The number of model requests (responses or chat POSTs) answered so far.</summary>
    public int ModelRequestCount => Volatile.Read(ref _modelRequests);

    /// <summary>The scripted turns not yet played.</summary>
    public int RemainingTurns
    {
        get
        {
            lock (_gate)
            {
                return _turns.Count;
            }
        }
    }

    /// <summary>Appends turns to the script while the server runs.</summary>
    public void Enqueue(params ScriptedTurn[] turns)
    {
        lock (_gate)
        {
            foreach (var turn in turns)
            {
                _turns.Enqueue(turn);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] pending;
        lock (_gate)
        {
            pending = [.. _connections, .. _acceptLoop is null ? [] : new[] { _acceptLoop }];
        }
        try
        {
            await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException or TimeoutException)
        {
            // Connections torn down by the stop are expected here.
        }
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var task = Task.Run(() => ServeConnectionAsync(client));
            lock (_gate)
            {
                _connections.RemoveAll(static t => t.IsCompleted);
                _connections.Add(task);
            }
        }
    }

    private async Task ServeConnectionAsync(TcpClient client)
    {
        using var _ = client;
        client.NoDelay = true;
        var stream = client.GetStream();
        try
        {
            var request = await ReadRequestAsync(stream, _stop.Token);
            if (request is null)
            {
                return;
            }
            lock (_gate)
            {
                _requests.Add(request);
            }
            await RouteAsync(request, stream, _stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client went away (timeouts, cancelled streams) or the server is stopping.
        }
    }

    private async Task RouteAsync(RecordedRequest request, NetworkStream stream, CancellationToken ct)
    {
        var path = request.Path.TrimEnd('/');
        var isResponses = path.EndsWith("/responses", StringComparison.Ordinal);
        var isChat = path.EndsWith("/chat/completions", StringComparison.Ordinal);
        if (request.Method != "POST" || (!isResponses && !isChat))
        {
            await WriteSimpleResponseAsync(stream, 404, """{"error":{"message":"not found"}}""", EmptyHeaders, ct);
            return;
        }
        var number = Interlocked.Increment(ref _modelRequests);
        var turn = NextTurn();
        if (turn is null)
        {
            var body = "{\"error\":{\"message\":\"scripted model server: no scripted turn left for request " + number
                + "\",\"type\":\"invalid_request_error\"}}";
            await WriteSimpleResponseAsync(stream, 400, body, EmptyHeaders, ct);
            return;
        }
        if (turn.HttpStatus is { } status)
        {
            await WriteSimpleResponseAsync(stream, status, turn.Body, turn.Headers, ct);
            return;
        }
        await WriteStreamHeadAsync(stream, turn.Headers, ct);
        if (isResponses)
        {
            await PlayResponsesAsync(turn, number, stream, ct);
        }
        else
        {
            await PlayChatAsync(turn, number, stream, ct);
        }
    }

    private ScriptedTurn? NextTurn()
    {
        lock (_gate)
        {
            return _turns.Count > 0 ? _turns.Dequeue() : _whenExhausted;
        }
    }

    // A stall holds the stream open until the client disconnects (its idle timeout) or the server stops.
    private static async Task StallAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[256];
        while (await stream.ReadAsync(buffer, ct) > 0)
        {
        }
    }
}
