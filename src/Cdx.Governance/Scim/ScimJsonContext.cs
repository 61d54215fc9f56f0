using System.Text.Json.Serialization;

namespace Cdx.Governance.Scim;

/// <summary>Source-generated JSON for the few typed values SCIM code deserializes.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class ScimJsonContext : JsonSerializerContext;
