namespace Cdx.ApplyPatch.Matching;

/// <summary>Which of the four increasingly lenient comparisons located a block of lines.</summary>
public enum MatchPass
{
    /// <summary>Every line equal byte for byte.</summary>
    Exact = 1,

    /// <summary>Equal once trailing whitespace is ignored.</summary>
    TrailingWhitespace = 2,

    /// <summary>Equal once leading and trailing whitespace are ignored.</summary>
    SurroundingWhitespace = 3,

    /// <summary>Equal once trimmed and typographic dashes, quotes and spaces are made ASCII.</summary>
    UnicodePunctuation = 4,
}
