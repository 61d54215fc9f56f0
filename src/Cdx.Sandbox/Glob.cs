namespace Cdx.Sandbox;

/// <summary>Case-insensitive name globs: `*`, `?`, `[A-Z]`, `[^0-9]` / `[!0-9]`.</summary>
public static class Glob
{
    /// <summary>True when <paramref name="name"/> matches <paramref name="pattern"/> as a whole.</summary>
    public static bool IsMatch(string pattern, string name) =>
        Match(pattern.ToUpperInvariant(), 0, name.ToUpperInvariant(), 0);

    private static bool Match(string p, int pi, string s, int si)
    {
        while (pi < p.Length)
        {
            var c = p[pi];
            if (c == '*')
            {
                for (var k = si; k <= s.Length; k++)
                {
                    if (Match(p, pi + 1, s, k))
                    {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.Length)
            {
                return false;
            }
            if (c == '?')
            {
                pi++;
                si++;
                continue;
            }
            if (c == '[' && p.IndexOf(']', pi + 1) is var close && close > pi + 1)
            {
                if (!MatchClass(p.AsSpan(pi + 1, close - pi - 1), s[si]))
                {
                    return false;
                }
                pi = close + 1;
                si++;
                continue;
            }
            if (c != s[si])
            {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.Length;
    }

    private static bool MatchClass(ReadOnlySpan<char> cls, char ch)
    {
        var negate = cls.Length > 0 && (cls[0] == '^' || cls[0] == '!');
        if (negate)
        {
            cls = cls[1..];
        }
        var hit = false;
        for (var i = 0; i < cls.Length; i++)
        {
            if (i + 2 < cls.Length && cls[i + 1] == '-')
            {
                hit |= ch >= cls[i] && ch <= cls[i + 2];
                i += 2;
            }
            else
            {
                hit |= ch == cls[i];
            }
        }
        return hit != negate;
    }
}
