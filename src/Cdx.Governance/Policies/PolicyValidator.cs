using System.Text.RegularExpressions;
using Cdx.Config;
using Cdx.Config.Requirements;

namespace Cdx.Governance.Policies;

/// <summary>
/// Validates policy text with the same parser and validator the client runs on cloud
/// requirements, so a policy the server accepts can never abort a client's start.
/// </summary>
public static partial class PolicyValidator
{
    // A path the parser stamps on every value, so validator errors carry line:col instead of a label.
    private const string PolicyPath = "policy.toml";

    /// <summary>Returns null when <paramref name="text"/> is a valid requirements.toml, else the first error.</summary>
    public static PolicyValidationError? Validate(string text)
    {
        try
        {
            RequirementsLoader.ParseSingle(text, new RequirementsSource(RequirementsSourceKind.Cloud, PolicyPath, PolicyPath), "governance-validation");
            return null;
        }
        catch (ConfigException ex)
        {
            var m = ex.Place is null ? null : PlacePattern().Match(ex.Place);
            return m is { Success: true }
                ? new PolicyValidationError(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), ex.Reason)
                : new PolicyValidationError(null, null, ex.Reason);
        }
    }

    [GeneratedRegex(@":(\d+):(\d+)$")]
    private static partial Regex PlacePattern();
}
