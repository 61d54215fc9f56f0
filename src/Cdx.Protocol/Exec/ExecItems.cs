using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cdx.Protocol.Exec;

/// <summary>An item of the `exec --json` stream (spec exec-mode.md §3.1); `id` is `item_&lt;n&gt;` per process.</summary>
public abstract record ExecItem
{
    /// <summary>`item_&lt;n&gt;`, assigned when the item is first emitted.</summary>
    [JsonPropertyName("id"), JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    /// <summary>The snake_case discriminator written right after the id.</summary>
    [JsonPropertyName("type"), JsonPropertyOrder(-1)]
    public string Type => TypeName;

    /// <summary>The discriminator value of the concrete type.</summary>
    protected abstract string TypeName { get; }
}

/// <summary>One assistant message (commentary or final).</summary>
public sealed record ExecAgentMessage : ExecItem
{
    /// <inheritdoc />
    protected override string TypeName => "agent_message";

    /// <summary>The message text.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init; }
}

/// <summary>A reasoning summary (parts joined with newlines).</summary>
public sealed record ExecReasoning : ExecItem
{
    /// <inheritdoc />
    protected override string TypeName => "reasoning";

    /// <summary>The summary text.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init; }
}

/// <summary>A command run by a tool (exec_command, shell).</summary>
public sealed record ExecCommandExecution : ExecItem
{
    /// <inheritdoc />
    protected override string TypeName => "command_execution";

    /// <summary>The shlex-joined argv.</summary>
    [JsonPropertyName("command")]
    public required string Command { get; init; }

    /// <summary>stdout+stderr as captured (head+tail capped).</summary>
    [JsonPropertyName("aggregated_output")]
    public string AggregatedOutput { get; init; } = "";

    /// <summary>Exit code, null while running.</summary>
    [JsonPropertyName("exit_code"), JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? ExitCode { get; init; }

    /// <summary>`in_progress`, `completed`, `failed` or `declined`.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }
}

/// <summary>One file touched by a patch.</summary>
public sealed record ExecFileUpdate(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("kind")] string Kind)
{
    /// <summary>The change as a unified diff, for human output only (not part of the JSONL item).</summary>
    [JsonIgnore]
    public string? UnifiedDiff { get; init; }
}

/// <summary>A patch applied (or refused) by apply_patch.</summary>
public sealed record ExecFileChange : ExecItem
{
    /// <inheritdoc />
    protected override string TypeName => "file_change";

    /// <summary>Changed files, absolute paths, sorted by path.</summary>
    [JsonPropertyName("changes")]
    public required IReadOnlyList<ExecFileUpdate> Changes { get; init; }

    /// <summary>`in_progress`, `completed` or `failed`.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }
}

/// <summary>A hosted web search call.</summary>
public sealed record ExecWebSearch : ExecItem
{
    /// <inheritdoc />
    protected override string TypeName => "web_search";

    /// <summary>The query ("" at start).</summary>
    [JsonPropertyName("query")]
    public string Query { get; init; } = "";

    /// <summary>The action object as the server sent it, if any.</summary>
    [JsonPropertyName("action"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Action { get; init; }
}

/// <summary>A step of a plan.</summary>
public sealed record ExecTodoEntry(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("completed")] bool Completed);

/// <summary>The plan from update_plan: started on the first update, updated after, completed at turn end.</summary>
public sealed record ExecTodoList : ExecItem
{
    /// <inheritdoc />
    protected override string TypeName => "todo_list";

    /// <summary>The steps.</summary>
    [JsonPropertyName("items")]
    public required IReadOnlyList<ExecTodoEntry> Items { get; init; }
}

/// <summary>A non-fatal error or warning (config/requirement notices).</summary>
public sealed record ExecErrorItem : ExecItem
{
    /// <inheritdoc />
    protected override string TypeName => "error";

    /// <summary>The warning text.</summary>
    [JsonPropertyName("message")]
    public required string Message { get; init; }
}
