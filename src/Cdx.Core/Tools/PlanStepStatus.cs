namespace Cdx.Core.Tools;

/// <summary>Status of one `update_plan` step.</summary>
public enum PlanStepStatus
{
    /// <summary>`pending`.</summary>
    Pending,

    /// <summary>`in_progress`.</summary>
    InProgress,

    /// <summary>`completed`.</summary>
    Completed,
}
