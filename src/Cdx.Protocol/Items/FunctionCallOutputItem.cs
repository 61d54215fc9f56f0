namespace Cdx.Protocol.Items;

/// <summary>A `function_call_output` item: the result of a function (or local_shell) call.</summary>
public sealed record FunctionCallOutputItem : ResponseItem
{
    /// <summary>The call this output answers.</summary>
    public required string CallId { get; init; }

    /// <summary>The output: a string, or an array of content items (e.g. images).</summary>
    public required ToolOutputPayload Output { get; init; }
}
