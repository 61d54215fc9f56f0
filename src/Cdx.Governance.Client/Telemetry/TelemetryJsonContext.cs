using System.Text.Json.Serialization;

namespace Cdx.Governance.Client.Telemetry;

/// <summary>Source-generated JSON for spool lines and the ingestion wire contract (snake_case, compact, nulls omitted).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TelemetryEvent))]
[JsonSerializable(typeof(EventBatch))]
[JsonSerializable(typeof(EventBatchResult))]
public sealed partial class TelemetryJsonContext : JsonSerializerContext;
