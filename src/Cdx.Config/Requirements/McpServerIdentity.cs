using System.Text.RegularExpressions;

namespace Cdx.Config.Requirements;

/// <summary>
/// `mcp_servers.&lt;name&gt;.identity` in requirements: a stdio command (string, or executable plus
/// argument rules) or an HTTP url (string, or a match rule).
/// </summary>
public sealed record McpServerIdentity(
    string? Command,
    IReadOnlyList<McpIdentityArg>? Args,
    string? Url,
    string UrlMatch = "exact")
{
    /// <summary>True when a configured server's command/args or url satisfies this identity.</summary>
    public bool Matches(string? command, IReadOnlyList<string> args, string? url)
    {
        if (Command is not null)
        {
            if (command != Command)
            {
                return false;
            }
            if (Args is null)
            {
                return true;
            }
            return Args.Count == args.Count && Args.Zip(args).All(p => MatchOne(p.First.Match, p.First.Value, p.Second));
        }
        return url is not null && Url is not null && MatchOne(UrlMatch, Url, url);
    }

    private static bool MatchOne(string match, string rule, string actual) => match switch
    {
        "prefix" => actual.StartsWith(rule, StringComparison.Ordinal),
        "regex" => Regex.IsMatch(actual, $"^(?:{rule})$", RegexOptions.None, TimeSpan.FromSeconds(1)),
        _ => actual == rule,
    };
}
