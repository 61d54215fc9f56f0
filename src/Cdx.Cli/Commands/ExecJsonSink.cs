using Cdx.Core.Session;
using Cdx.Protocol.Exec;

namespace Cdx.Cli.Commands;

/// <summary>`--json`: one event per line on stdout, flushed per line so consumers see progress live.</summary>
public sealed class ExecJsonSink(TextWriter stdout) : ISessionEventSink
{
    /// <inheritdoc />
    public void Emit(ExecEvent e)
    {
        stdout.Write(ExecJson.Serialize(e));
        stdout.Write('\n');
        stdout.Flush();
    }
}
