namespace Cdx.Governance.Scim;

/// <summary>A filter outside the supported `attribute eq "value"` form; answered with SCIM `invalidFilter`.</summary>
internal sealed class ScimFilterException(string message) : Exception(message);
