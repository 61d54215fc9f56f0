using System.Text.RegularExpressions;
using Cdx.Toml;

namespace Cdx.Config.Requirements;

/// <summary>
/// Applies `remote_sandbox_config` inside one source: the first entry whose host pattern matches
/// this machine replaces that source's `allowed_sandbox_modes` before sources are merged.
/// </summary>
internal static class RemoteSandbox
{
    public static TomlTable Apply(TomlTable doc, string hostName)
    {
        if (!doc.TryGetValue("remote_sandbox_config", out var cfg) || cfg is not TomlArray entries)
        {
            return doc;
        }
        var host = hostName.TrimEnd('.');
        var match = entries.OfType<TomlTable>().FirstOrDefault(e =>
            e.TryGetValue("hostname_patterns", out var p) && p is TomlArray pats &&
            pats.OfType<TomlString>().Any(s => Matches(s.Value.TrimEnd('.'), host)));
        if (match is null)
        {
            return doc;
        }
        var result = new TomlTable();
        foreach (var (k, v) in doc)
        {
            if (k != "allowed_sandbox_modes")
            {
                result.Add(k, v);
            }
        }
        result.Add("allowed_sandbox_modes", match["allowed_sandbox_modes"]);
        return result;
    }

    /// <summary>Case-insensitive glob: `*` any run, `?` one character.</summary>
    public static bool Matches(string pattern, string host)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$";
        return Regex.IsMatch(host, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
