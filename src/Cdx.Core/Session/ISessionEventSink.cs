using Cdx.Protocol.Exec;

namespace Cdx.Core.Session;

/// <summary>Receives the events of a thread in order; the CLI renders them as JSONL or for people.</summary>
public interface ISessionEventSink
{
    /// <summary>Called once per event, from any thread, never concurrently (the session serializes calls).</summary>
    void Emit(ExecEvent e);

    /// <summary>
    /// Called for facts that are not exec events, serialized like <see cref="Emit"/>. Default:
    /// ignored, since renderers show only exec events; audit observers override it.
    /// </summary>
    void Observe(SessionFact fact)
    {
    }
}
