using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Cdx.Cli.Commands;

/// <summary>Source-generated JSON for telemetry payloads (AOT/trim friendly).</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ExecTelemetryJson : JsonSerializerContext;
