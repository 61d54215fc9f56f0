using System.Text.Json.Serialization;

namespace Cdx.Protocol.Rollout;

/// <summary>Source-generated serializers for rollout payloads.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SessionMeta))]
[JsonSerializable(typeof(TurnContextRecord))]
[JsonSerializable(typeof(CompactedRecord))]
[JsonSerializable(typeof(UserMessageEvent))]
[JsonSerializable(typeof(AgentMessageEvent))]
[JsonSerializable(typeof(AgentReasoningEvent))]
[JsonSerializable(typeof(TurnAbortedEvent))]
[JsonSerializable(typeof(TaskStartedEvent))]
[JsonSerializable(typeof(TaskCompleteEvent))]
[JsonSerializable(typeof(TokenCountEvent))]
[JsonSerializable(typeof(RolloutTokenUsage))]
internal sealed partial class RolloutJsonContext : JsonSerializerContext;
