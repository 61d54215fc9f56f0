namespace Cdx.Core.Tools;

/// <summary>The `status` of an exec `file_change` item.</summary>
public enum PatchStatus
{
    /// <summary>`in_progress`.</summary>
    InProgress,

    /// <summary>`completed`.</summary>
    Completed,

    /// <summary>`failed`.</summary>
    Failed,
}
