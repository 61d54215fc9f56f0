using Cdx.Core.Tools;
using Cdx.Protocol.Items;

namespace Cdx.Core.Session;

/// <summary>
/// Facts the exec JSONL stream does not carry (turn ids, per-response usage, security decisions),
/// for observers such as governance telemetry. Delivered through <see cref="ISessionEventSink.Observe"/>.
/// </summary>
public abstract record SessionFact
{
    /// <summary>The turn the fact belongs to.</summary>
    public required string TurnId { get; init; }

    /// <summary>A turn began with this prompt.</summary>
    /// <param name="Prompt">The user's text.</param>
    /// <param name="ImageCount">Images attached to it.</param>
    public sealed record TurnBegan(string Prompt, int ImageCount) : SessionFact;

    /// <summary>One model response completed with this usage (not the thread total).</summary>
    /// <param name="Model">The model slug requested.</param>
    /// <param name="Usage">The response's token counts.</param>
    public sealed record ResponseCompleted(string Model, TokenUsage Usage) : SessionFact;

    /// <summary>A tool's approval, rejection or sandbox denial.</summary>
    /// <param name="Fact">What the tool runtime decided.</param>
    public sealed record Security(ToolSecurityFact Fact) : SessionFact;
}
