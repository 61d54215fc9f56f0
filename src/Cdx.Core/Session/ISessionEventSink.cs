using Cdx.Protocol.Exec;

namespace Cdx.Core.Session;

/// <summary>Receives the events of a thread in order; the CLI renders them as JSONL or for people.</summary>
public interface ISessionEventSink
{
    /// <summary>Called once per event, from any thread, never concurrently (the session serializes calls).</summary>
    void Emit(ExecEvent e);
}
