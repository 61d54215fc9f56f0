using System.Text.Json.Nodes;

namespace Cdx.Governance.Scim;

/// <summary>
/// One SCIM PatchOp operation on a Group (RFC 7644 §3.5.2): add/remove/replace `members`, the
/// `members[value eq "id"]` path form, and replace of `displayName`, in the shapes Entra ID and
/// Okta send (op names in any case; value object without a path).
/// </summary>
internal static class GroupPatch
{
    private static readonly string[] MemberFilterAttributes = ["value"];

    /// <summary>Applies <paramref name="op"/> to the working copies; returns a problem sentence or null.</summary>
    public static string? Apply(JsonObject op, HashSet<string> members, ref string displayName)
    {
        var kind = ScimRequest.GetString(op, "op")?.ToLowerInvariant();
        var path = ScimRequest.GetString(op, "path")?.Trim();
        var value = ScimRequest.Get(op, "value");
        if (kind is not ("add" or "remove" or "replace"))
        {
            return $"The operation `{kind}` is not a SCIM PATCH op; use add, remove or replace.";
        }
        if (path is null)
        {
            if (kind == "remove" || value is not JsonObject partial)
            {
                return "A PATCH operation without `path` must be add or replace with an object `value`; name the attribute in `path` otherwise.";
            }
            if (ScimRequest.GetString(partial, "displayName") is { Length: > 0 } name)
            {
                displayName = name;
            }
            if (ScimRequest.Get(partial, "members") is { } list)
            {
                Members(kind, members, ScimGroupEndpoints.MemberIds(list));
            }
            return null;
        }
        if (path.Equals("displayName", StringComparison.OrdinalIgnoreCase))
        {
            if (kind == "remove" || ScimRequest.AsString(value) is not { Length: > 0 } name)
            {
                return "`displayName` can only be replaced with a non-empty string; a group must keep a name.";
            }
            displayName = name;
            return null;
        }
        if (path.Equals("members", StringComparison.OrdinalIgnoreCase))
        {
            if (kind == "remove" && value is null)
            {
                members.Clear();
                return null;
            }
            Members(kind, members, ScimGroupEndpoints.MemberIds(value));
            return null;
        }
        if (path.StartsWith("members[", StringComparison.OrdinalIgnoreCase) && path.EndsWith(']') && kind == "remove")
        {
            try
            {
                members.Remove(ScimFilter.Parse(path["members[".Length..^1], MemberFilterAttributes).Value);
                return null;
            }
            catch (ScimFilterException ex)
            {
                return $"The member path `{path}` is not supported ({ex.Message}).";
            }
        }
        return $"The PATCH path `{path}` is not supported on Groups; use members, members[value eq \"id\"] or displayName.";
    }

    private static void Members(string kind, HashSet<string> members, List<string> ids)
    {
        if (kind == "replace")
        {
            members.Clear();
        }
        if (kind == "remove")
        {
            members.ExceptWith(ids);
        }
        else
        {
            members.UnionWith(ids);
        }
    }
}
