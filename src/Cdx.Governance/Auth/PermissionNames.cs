namespace Cdx.Governance.Auth;

/// <summary>The wire names of <see cref="Permission"/> flags (`use_agent`, `administer`, `create_access_tokens`).</summary>
public static class PermissionNames
{
    private static readonly (Permission Flag, string Name)[] All =
    [
        (Permission.UseAgent, "use_agent"),
        (Permission.Administer, "administer"),
        (Permission.CreateAccessTokens, "create_access_tokens"),
    ];

    /// <summary>The names of the flags set in <paramref name="p"/>, in a fixed order.</summary>
    public static IReadOnlyList<string> ToNames(Permission p) => All.Where(a => p.HasFlag(a.Flag)).Select(a => a.Name).ToArray();

    /// <summary>Parses names; returns the first unknown name in <paramref name="unknown"/>.</summary>
    public static Permission Parse(IEnumerable<string> names, out string? unknown)
    {
        unknown = null;
        var result = Permission.None;
        foreach (var n in names)
        {
            var match = All.FirstOrDefault(a => a.Name == n);
            if (match.Name is null)
            {
                unknown = n;
                return Permission.None;
            }
            result |= match.Flag;
        }
        return result;
    }
}
