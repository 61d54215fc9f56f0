namespace Cdx.Core.Context;

/// <summary>What AGENTS.md discovery found.</summary>
/// <param name="Text">The assembled instructions, or null when nothing was found.</param>
/// <param name="Files">The files that contributed, global first, then root to cwd.</param>
/// <param name="Warnings">Read problems and invalid UTF-8 notices for the user.</param>
public sealed record AgentsMdResult(string? Text, IReadOnlyList<string> Files, IReadOnlyList<string> Warnings);
