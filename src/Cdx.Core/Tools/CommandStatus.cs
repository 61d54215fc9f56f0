namespace Cdx.Core.Tools;

/// <summary>The `status` of an exec `command_execution` item.</summary>
public enum CommandStatus
{
    /// <summary>`in_progress`.</summary>
    InProgress,

    /// <summary>`completed` (exit code 0).</summary>
    Completed,

    /// <summary>`failed` (non-zero exit, or the approval request failed).</summary>
    Failed,

    /// <summary>`declined` (the user rejected it).</summary>
    Declined,
}
