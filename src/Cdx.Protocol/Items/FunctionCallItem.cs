namespace Cdx.Protocol.Items;

/// <summary>A `function_call` item: the model asks to run a function tool.</summary>
public sealed record FunctionCallItem : ResponseItem
{
    /// <summary>The tool name.</summary>
    public required string Name { get; init; }

    /// <summary>The arguments as a JSON <em>string</em>, exactly as the model produced it.</summary>
    public required string Arguments { get; init; }

    /// <summary>Correlates the call with its `function_call_output`.</summary>
    public required string CallId { get; init; }
}
