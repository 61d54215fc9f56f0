namespace Cdx.Governance.Client.Telemetry;

/// <summary>Token counts of one model response.</summary>
public sealed record TelemetryTokens
{
    /// <summary>Input tokens, cached ones included.</summary>
    public long Input { get; init; }

    /// <summary>Input tokens served from the prompt cache.</summary>
    public long CachedInput { get; init; }

    /// <summary>Output tokens, reasoning included.</summary>
    public long Output { get; init; }

    /// <summary>Reasoning tokens.</summary>
    public long Reasoning { get; init; }
}
