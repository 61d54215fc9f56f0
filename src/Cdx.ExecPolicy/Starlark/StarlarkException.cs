namespace Cdx.ExecPolicy.Starlark;

/// <summary>A syntax or evaluation error in a Starlark source, carrying where it happened.</summary>
public sealed class StarlarkException(string message, SourcePosition position)
    : Exception(message)
{
    /// <summary>The file, line and column the error points at.</summary>
    public SourcePosition Position { get; } = position;

    /// <summary>The message without the location.</summary>
    public string Detail => base.Message;

    /// <summary>"file:line:col: message".</summary>
    public override string Message => $"{Position}: {Detail}";
}
