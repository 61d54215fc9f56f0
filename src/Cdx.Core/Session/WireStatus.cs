using System.Text;

namespace Cdx.Core.Session;

/// <summary>Enum values as the snake_case strings of the exec protocol (`InProgress` → `in_progress`).</summary>
internal static class WireStatus
{
    public static string Of<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('_');
            }
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
