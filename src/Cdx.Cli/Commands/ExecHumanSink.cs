using System.Diagnostics;
using Cdx.Core.Session;
using Cdx.Protocol.Exec;

namespace Cdx.Cli.Commands;

/// <summary>Human output on stderr (spec exec-mode.md §4); the runner prints the final message on stdout.</summary>
public sealed class ExecHumanSink(TextWriter stderr, string cwd, bool color) : ISessionEventSink
{
    private readonly Dictionary<string, long> _started = new(StringComparer.Ordinal);

    /// <summary>Prints the session header and the user's prompt.</summary>
    public void Header(IReadOnlyList<(string Key, string Value)> fields, string prompt)
    {
        stderr.WriteLine($"cdx v{typeof(ExecHumanSink).Assembly.GetName().Version?.ToString(3)}");
        stderr.WriteLine("--------");
        foreach (var (key, value) in fields)
        {
            stderr.WriteLine($"{Bold(key + ":")} {value}");
        }
        stderr.WriteLine("--------");
        stderr.WriteLine(Style("user", "36"));
        stderr.WriteLine(prompt);
        stderr.Flush();
    }

    /// <inheritdoc />
    public void Emit(ExecEvent e)
    {
        switch (e)
        {
            case ItemEvent item:
                OnItem(item.Phase, item.Item);
                break;
            case ErrorEvent err:
                stderr.WriteLine(Style("ERROR: ", "31") + err.Message);
                break;
            case TurnCompletedEvent done:
                stderr.WriteLine(Style("tokens used", "35"));
                stderr.WriteLine(done.Usage.Blended.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
        stderr.Flush();
    }

    private void OnItem(ItemPhase phase, ExecItem item)
    {
        switch (item)
        {
            case ExecAgentMessage m:
                stderr.WriteLine(Style("codex", "35;3"));
                stderr.WriteLine(m.Text);
                break;
            case ExecReasoning r:
                stderr.WriteLine(Style(r.Text, "2;3"));
                break;
            case ExecCommandExecution c when phase == ItemPhase.Started:
                _started[c.Id] = Stopwatch.GetTimestamp();
                stderr.WriteLine(Style("exec", "35"));
                stderr.WriteLine($"{Bold(c.Command)} in {cwd}");
                break;
            case ExecCommandExecution c:
                var ms = _started.Remove(c.Id, out var t) ? (long)Stopwatch.GetElapsedTime(t).TotalMilliseconds : 0;
                stderr.WriteLine(c.Status == "completed"
                    ? Style($" succeeded in {ms}ms:", "32")
                    : Style(c.ExitCode is { } code ? $" exited {code} in {ms}ms:" : $" {c.Status} in {ms}ms:", "31"));
                stderr.Write(c.AggregatedOutput);
                if (c.AggregatedOutput.Length > 0 && !c.AggregatedOutput.EndsWith('\n'))
                {
                    stderr.WriteLine();
                }
                stderr.WriteLine();
                break;
            case ExecFileChange f when phase == ItemPhase.Completed:
                stderr.WriteLine(Style("apply patch", "35"));
                stderr.WriteLine($"patch: {f.Status}");
                foreach (var change in f.Changes)
                {
                    stderr.WriteLine($"{change.Kind} {change.Path}");
                }
                if (f.Status == "completed")
                {
                    WriteDiffs(f.Changes);
                }
                break;
            case ExecWebSearch w when phase == ItemPhase.Completed:
                stderr.WriteLine($"web search: {w.Query}");
                break;
            case ExecTodoList todo when phase != ItemPhase.Completed:
                stderr.WriteLine(Style("plan", "35"));
                foreach (var step in todo.Items)
                {
                    stderr.WriteLine($"  [{(step.Completed ? "x" : " ")}] {step.Text}");
                }
                break;
            case ExecErrorItem warning:
                stderr.WriteLine(Style("warning: ", "33") + warning.Message);
                break;
        }
    }

    // The applied changes as git-style unified diffs (spec exec-mode.md §4), colored like git when asked.
    private void WriteDiffs(IReadOnlyList<ExecFileUpdate> changes)
    {
        foreach (var diff in changes.Select(c => c.UnifiedDiff).Where(d => !string.IsNullOrEmpty(d)))
        {
            foreach (var line in diff!.TrimEnd('\n').Split('\n'))
            {
                stderr.WriteLine(line switch
                {
                    _ when line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) => Bold(line),
                    _ when line.StartsWith('+') => Style(line, "32"),
                    _ when line.StartsWith('-') => Style(line, "31"),
                    _ when line.StartsWith("@@", StringComparison.Ordinal) => Style(line, "36"),
                    _ => line,
                });
            }
        }
    }

    private string Bold(string text) => Style(text, "1");

    private string Style(string text, string sgr) => color ? $"\u001b[{sgr}m{text}\u001b[0m" : text;
}
