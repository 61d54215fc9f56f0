using System.Text.Json.Nodes;

namespace Cdx.Governance.Client;

/// <summary>The admin API refused a call; <see cref="Problem"/> holds the server's problem body (e.g. `line`/`column`).</summary>
public sealed class GovernanceAdminException(int status, string message, JsonObject? problem) : GovernanceClientException(message)
{
    /// <summary>HTTP status of the refusal.</summary>
    public int Status { get; } = status;

    /// <summary>The problem body, when the server sent one.</summary>
    public JsonObject? Problem { get; } = problem;
}
