using Cdx.Governance.Client.Wire;

namespace Cdx.Governance.Client;

/// <summary>The result of asking the server for requirements: a document, a refusal, or unreachable.</summary>
public sealed record FetchOutcome
{
    /// <summary>The document when the server answered 200 with a parseable body.</summary>
    public SignedRequirements? Document { get; init; }

    /// <summary>True when the server answered and refused (401/403): retrying or using a cache would be wrong.</summary>
    public bool Refused { get; init; }

    /// <summary>Why there is no document, for notices.</summary>
    public string? Problem { get; init; }
}
