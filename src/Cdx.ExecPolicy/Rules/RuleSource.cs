namespace Cdx.ExecPolicy.Rules;

/// <summary>Where a rule was defined: a `.rules` file position or a requirements entry.</summary>
public sealed record RuleSource(string Description, int Line = 0, int Column = 0)
{
    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{Description}:{Line}" : Description;
}
