namespace Cdx.Protocol.Rollout;

/// <summary>The rollout record kinds cdx writes and reads.</summary>
public static class RolloutTypes
{
    /// <summary>First line of a thread's file.</summary>
    public const string SessionMeta = "session_meta";

    /// <summary>An item added to model history.</summary>
    public const string ResponseItem = "response_item";

    /// <summary>Per-turn settings.</summary>
    public const string TurnContext = "turn_context";

    /// <summary>A persisted UI event.</summary>
    public const string EventMsg = "event_msg";

    /// <summary>A compaction (summary + replacement history).</summary>
    public const string Compacted = "compacted";
}
