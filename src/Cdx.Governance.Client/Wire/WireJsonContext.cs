using System.Text.Json.Serialization;

namespace Cdx.Governance.Client.Wire;

/// <summary>Source-generated JSON for the governance wire contract (snake_case, as the server writes it).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = false)]
[JsonSerializable(typeof(SignedRequirements))]
[JsonSerializable(typeof(KeySetDocument))]
[JsonSerializable(typeof(WhoAmI))]
[JsonSerializable(typeof(DeviceAuthorization))]
[JsonSerializable(typeof(DeviceTokenAnswer))]
public sealed partial class WireJsonContext : JsonSerializerContext;
