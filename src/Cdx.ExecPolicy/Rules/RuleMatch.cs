namespace Cdx.ExecPolicy.Rules;

/// <summary>One rule that matched a command, as reported by `execpolicy check`.</summary>
public sealed record RuleMatch(
    IReadOnlyList<string> MatchedPrefix, Decision Decision, string? Justification, string? ResolvedProgram, PrefixRule Rule);
