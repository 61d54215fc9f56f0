using Cdx.Protocol.Exec;
using Cdx.Protocol.Items;
using Cdx.Protocol.Rollout;

namespace Cdx.Core.Session;

/// <summary>
/// One conversation: owns the model history, runs turns (model request, tool calls, repeat until
/// the model stops calling tools), records everything to the rollout and reports events to a sink.
/// </summary>
public sealed partial class AgentThread : IAsyncDisposable
{
    private readonly AgentThreadOptions _o;
    private readonly List<ResponseItem> _history;
    private readonly Lock _emitGate = new();
    private readonly ExecItemIds _ids = new();
    private TokenUsage _total;
    private int _turnCount;

    /// <summary>Creates a thread, new or resumed (history and usage from the options).</summary>
    public AgentThread(AgentThreadOptions options)
    {
        _o = options;
        _history = [.. options.History];
        _total = options.Usage;
    }

    /// <summary>The thread id.</summary>
    public string ThreadId => _o.ThreadId;

    /// <summary>The model history so far (a copy).</summary>
    public IReadOnlyList<ResponseItem> History
    {
        get
        {
            lock (_history)
            {
                return [.. _history];
            }
        }
    }

    /// <summary>Thread-cumulative token usage.</summary>
    public TokenUsage TotalUsage => _total;

    /// <summary>Emits `thread.started`; call once per process before the first turn.</summary>
    public void AnnounceStart() => Emit(new ThreadStartedEvent(ThreadId));

    /// <summary>Emits a warning as an `error` item (config/requirement notices before `turn.started`).</summary>
    public void Warn(string message) =>
        Emit(new ItemEvent(ItemPhase.Completed, new ExecErrorItem { Id = _ids.Next(), Message = message }));

    /// <summary>Serializes calls into the sink so lines never interleave.</summary>
    internal void Emit(ExecEvent e)
    {
        lock (_emitGate)
        {
            _o.Sink.Emit(e);
        }
    }

    /// <summary>Passes a non-event fact to the sink, serialized with <see cref="Emit"/>.</summary>
    internal void Observe(SessionFact fact)
    {
        lock (_emitGate)
        {
            _o.Sink.Observe(fact);
        }
    }

    /// <summary>Allocates the next `item_&lt;n&gt;` id.</summary>
    internal string NextItemId() => _ids.Next();

    private void AddToHistory(ResponseItem item)
    {
        lock (_history)
        {
            _history.Add(item);
        }
        _o.Recorder?.AppendItem(item);
    }

    private void Record(EventMessage e) => _o.Recorder?.AppendEvent(e);

    /// <summary>Kills every exec session the tools still own.</summary>
    public async ValueTask DisposeAsync()
    {
        await _o.Tools.DisposeAsync();
        _o.Recorder?.Dispose();
    }

    /// <summary>`item_&lt;n&gt;` counter, per process.</summary>
    private sealed class ExecItemIds
    {
        private int _next;

        public string Next() => $"item_{Interlocked.Increment(ref _next) - 1}";
    }
}
