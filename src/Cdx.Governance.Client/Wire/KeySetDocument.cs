namespace Cdx.Governance.Client.Wire;

/// <summary>The body of `/.well-known/cdx-governance-keys`.</summary>
public sealed record KeySetDocument
{
    /// <summary>Workspace the keys sign for.</summary>
    public required string WorkspaceId { get; init; }

    /// <summary>Every key, oldest first; retired keys stay so cached payloads remain verifiable.</summary>
    public required IReadOnlyList<PublicSigningKey> Keys { get; init; }
}
