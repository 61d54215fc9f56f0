namespace Cdx.Core.Tools;

/// <summary>One step of the model's plan (an exec `todo_list` entry).</summary>
/// <param name="Step">The step text.</param>
/// <param name="Status">pending, in_progress or completed.</param>
public sealed record PlanStep(string Step, PlanStepStatus Status);
