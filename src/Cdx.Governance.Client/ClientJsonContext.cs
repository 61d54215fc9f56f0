using System.Text.Json.Serialization;

namespace Cdx.Governance.Client;

/// <summary>Source-generated JSON for what the client stores locally.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(GovernanceCredentials))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
