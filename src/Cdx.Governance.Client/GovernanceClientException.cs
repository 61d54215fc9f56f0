namespace Cdx.Governance.Client;

/// <summary>Not sealed: <see cref="GovernanceAdminException"/> refines it. A login or governance-client failure whose message is a sentence for the user (place and way out).</summary>
public class GovernanceClientException(string message, Exception? inner = null) : Exception(message, inner);
