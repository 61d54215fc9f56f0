using System.Text;

namespace Cdx.Config.Model;

/// <summary>Maps config enums to and from the spellings used in config.toml.</summary>
public static class EnumText
{
    /// <summary>The config spelling: kebab-case, except `approvals_reviewer` values which are snake_case.</summary>
    public static string Name<T>(T value) where T : struct, Enum
    {
        var sep = typeof(T) == typeof(ApprovalsReviewer) ? '_' : '-';
        var pascal = value.ToString();
        var sb = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append(sep);
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>All spellings of <typeparamref name="T"/> (for "expected one of" messages).</summary>
    public static IReadOnlyList<string> Names<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(Name).ToArray();

    /// <summary>Parses a config spelling; false when it is not a known value.</summary>
    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            if (Name(v) == text)
            {
                value = v;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>"`a`, `b`, `c`" for messages.</summary>
    public static string Expected(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"`{n}`"));
}
