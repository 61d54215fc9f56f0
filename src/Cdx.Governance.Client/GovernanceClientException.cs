namespace Cdx.Governance.Client;

/// <summary>A login or governance-client failure whose message is a sentence for the user (place and way out).</summary>
public sealed class GovernanceClientException(string message, Exception? inner = null) : Exception(message, inner);
