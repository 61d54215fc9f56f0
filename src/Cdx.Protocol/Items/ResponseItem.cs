namespace Cdx.Protocol.Items;

/// <summary>One model-facing conversation item (spec model-protocol.md §3), as sent in `input` and stored in rollouts.</summary>
public abstract record ResponseItem
{
    /// <summary>The server-assigned item id (`rs_…`, `fc_…`, `msg_…`), or one cdx assigns; null when unknown.</summary>
    public string? Id { get; init; }
}
