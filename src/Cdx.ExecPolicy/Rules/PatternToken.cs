namespace Cdx.ExecPolicy.Rules;

/// <summary>One position of a prefix pattern: a single token or a set of alternatives.</summary>
public sealed record PatternToken(IReadOnlyList<string> Alternatives)
{
    /// <summary>A token that matches exactly one string.</summary>
    public static PatternToken Single(string token) => new([token]);

    /// <summary>True when <paramref name="token"/> equals one of the alternatives.</summary>
    public bool Matches(string token) => Alternatives.Contains(token, StringComparer.Ordinal);

    /// <summary>Renders as the token or `[a|b]`.</summary>
    public override string ToString() =>
        Alternatives.Count == 1 ? Alternatives[0] : $"[{string.Join("|", Alternatives)}]";
}
