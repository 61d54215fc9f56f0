using System.Text.Json.Serialization;
using Cdx.Protocol.Items;

namespace Cdx.Protocol;

/// <summary>Source-generated JSON metadata for Protocol's plain data types (items themselves use ResponseItemJson).</summary>
[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(TokenUsage))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;
