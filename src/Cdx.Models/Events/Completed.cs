using Cdx.Protocol.Items;

namespace Cdx.Models;

/// <summary>`response.completed`: the request finished; usage is null when the server sent none.</summary>
public sealed record Completed(string ResponseId, TokenUsage? Usage) : ModelEvent;
