namespace Cdx.Core.Tools;

/// <summary>Function arguments the tool cannot use; the message is the full text the model gets.</summary>
internal sealed class ToolArgumentException(string reason)
    : Exception($"failed to parse function arguments: {reason}");
