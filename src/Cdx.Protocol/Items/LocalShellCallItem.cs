namespace Cdx.Protocol.Items;

/// <summary>A `local_shell_call` item (hosted local_shell tool); answered with a `function_call_output` of the same call id.</summary>
public sealed record LocalShellCallItem : ResponseItem
{
    /// <summary>The call id (Responses API); null when only Id is set (chat).</summary>
    public string? CallId { get; init; }

    /// <summary>`completed`, `in_progress` or `incomplete`.</summary>
    public required string Status { get; init; }

    /// <summary>What to run.</summary>
    public required LocalShellAction Action { get; init; }
}
