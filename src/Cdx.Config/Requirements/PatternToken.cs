namespace Cdx.Config.Requirements;

/// <summary>One position of a requirements prefix rule: a single token or a list of alternatives.</summary>
public sealed record PatternToken(IReadOnlyList<string> Alternatives)
{
    /// <summary>True when the position is `{ token = "x" }` rather than `{ any_of = [...] }`.</summary>
    public bool IsSingle => Alternatives.Count == 1;
}
