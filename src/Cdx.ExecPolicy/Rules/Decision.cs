namespace Cdx.ExecPolicy.Rules;

/// <summary>A rule's verdict, ordered from least to most restrictive.</summary>
public enum Decision
{
    /// <summary>Run without asking.</summary>
    Allow = 0,
    /// <summary>Ask the user first.</summary>
    Prompt = 1,
    /// <summary>Never run.</summary>
    Forbidden = 2,
}

/// <summary>Parsing and rendering of <see cref="Decision"/> as written in `.rules` files.</summary>
public static class DecisionText
{
    /// <summary>Parses `allow` / `prompt` / `forbidden`; anything else is an error.</summary>
    public static Decision Parse(string raw) => raw switch
    {
        "allow" => Decision.Allow,
        "prompt" => Decision.Prompt,
        "forbidden" => Decision.Forbidden,
        _ => throw new PolicyRuleException($"invalid decision: {raw}"),
    };

    /// <summary>The lower-case word used in `.rules` files and JSON output.</summary>
    public static string ToText(this Decision decision) => decision switch
    {
        Decision.Allow => "allow",
        Decision.Prompt => "prompt",
        _ => "forbidden",
    };

    /// <summary>The stricter of two decisions.</summary>
    public static Decision Max(Decision a, Decision b) => a >= b ? a : b;
}
