using Cdx.Core.Tools;
using Cdx.Protocol.Exec;

namespace Cdx.Core.Session;

/// <summary>The turn's `todo_list` item: started on the first plan, updated after, completed at turn end.</summary>
internal sealed class PlanTracker(AgentThread thread)
{
    private readonly Lock _gate = new();
    private string? _id;
    private IReadOnlyList<ExecTodoEntry> _items = [];

    public void Update(IReadOnlyList<PlanStep> steps)
    {
        lock (_gate)
        {
            _items = steps.Select(s => new ExecTodoEntry(s.Step, PlanStepIsCompleted(s))).ToList();
            var phase = _id is null ? ItemPhase.Started : ItemPhase.Updated;
            _id ??= thread.NextItemId();
            thread.Emit(new ItemEvent(phase, new ExecTodoList { Id = _id, Items = _items }));
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            if (_id is not null)
            {
                thread.Emit(new ItemEvent(ItemPhase.Completed, new ExecTodoList { Id = _id, Items = _items }));
                _id = null;
            }
        }
    }

    private static bool PlanStepIsCompleted(PlanStep step) => WireStatus.Of(step.Status) == "completed";
}
