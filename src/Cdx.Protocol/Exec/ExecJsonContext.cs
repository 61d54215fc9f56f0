using System.Text.Json.Serialization;

namespace Cdx.Protocol.Exec;

/// <summary>Source-generated serializers for the `exec --json` events and items.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(ThreadStartedEvent))]
[JsonSerializable(typeof(TurnStartedEvent))]
[JsonSerializable(typeof(TurnCompletedEvent))]
[JsonSerializable(typeof(TurnFailedEvent))]
[JsonSerializable(typeof(ErrorEvent))]
[JsonSerializable(typeof(ExecAgentMessage))]
[JsonSerializable(typeof(ExecReasoning))]
[JsonSerializable(typeof(ExecCommandExecution))]
[JsonSerializable(typeof(ExecFileChange))]
[JsonSerializable(typeof(ExecWebSearch))]
[JsonSerializable(typeof(ExecTodoList))]
[JsonSerializable(typeof(ExecErrorItem))]
internal sealed partial class ExecJsonContext : JsonSerializerContext;
