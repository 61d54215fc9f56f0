namespace Cdx.ExecPolicy.Starlark;

/// <summary>An evaluation error not yet tied to a position; the evaluator adds the node's place.</summary>
public sealed class StarlarkError(string message) : Exception(message);
