using Cdx.Toml;

namespace Cdx.Config.Requirements;

internal static partial class RequirementsValidator
{
    /// <summary>Parses `[experimental_network]`, folding the legacy domain and socket lists into tables.</summary>
    public static NetworkRequirements ParseNetwork(RequirementsReader r, TomlValue value)
    {
        const string P = "experimental_network.";
        var t = r.Table(value, "experimental_network");
        bool? B(string k) => t.TryGetValue(k, out var v) ? r.Bool(v, P + k) : null;
        int? Port(string k) => t.TryGetValue(k, out var v) ? (int)r.Int(v, P + k, 0, 65535) : null;

        // Presence, not content, decides the conflict (as in Codex): `allowed_domains = []` next to
        // `domains` is still an error, while empty legacy lists alone simply mean "unset".
        var hasLegacyDomains = t.TryGetValue("allowed_domains", out var allowed) | t.TryGetValue("denied_domains", out var denied);
        var domains = new Dictionary<string, string>(StringComparer.Ordinal);
        if (t.TryGetValue("domains", out var domainsValue))
        {
            if (hasLegacyDomains)
            {
                throw r.Error(domainsValue, "`experimental_network.domains` cannot be combined with `allowed_domains`/`denied_domains`; move those entries into `domains`");
            }
            foreach (var (pattern, decision) in r.Table(domainsValue, P + "domains"))
            {
                domains[pattern] = r.OneOf(decision, $"{P}domains.{KeyPath.Quote(pattern)}", ["allow", "deny"]);
            }
        }
        foreach (var d in allowed is null ? [] : r.Strings(allowed, P + "allowed_domains"))
        {
            domains[d] = "allow";
        }
        // Deny is applied last so it beats an allow of the same pattern.
        foreach (var d in denied is null ? [] : r.Strings(denied, P + "denied_domains"))
        {
            domains[d] = "deny";
        }

        var sockets = new Dictionary<string, string>(StringComparer.Ordinal);
        var hasLegacySockets = t.TryGetValue("allow_unix_sockets", out var legacySockets);
        if (t.TryGetValue("unix_sockets", out var socketsValue))
        {
            if (hasLegacySockets)
            {
                throw r.Error(socketsValue, "`experimental_network.unix_sockets` cannot be combined with `allow_unix_sockets`; move those paths into `unix_sockets`");
            }
            foreach (var (path, decision) in r.Table(socketsValue, P + "unix_sockets"))
            {
                sockets[path] = r.OneOf(decision, $"{P}unix_sockets.{KeyPath.Quote(path)}", ["allow", "none"]);
            }
        }
        foreach (var s in legacySockets is null ? [] : r.Strings(legacySockets, P + "allow_unix_sockets"))
        {
            sockets[s] = "allow";
        }
        return new NetworkRequirements
        {
            Enabled = B("enabled"),
            HttpPort = Port("http_port"),
            SocksPort = Port("socks_port"),
            AllowUpstreamProxy = B("allow_upstream_proxy"),
            DangerouslyAllowNonLoopbackProxy = B("dangerously_allow_non_loopback_proxy"),
            DangerouslyAllowAllUnixSockets = B("dangerously_allow_all_unix_sockets"),
            Domains = domains,
            ManagedAllowedDomainsOnly = B("managed_allowed_domains_only"),
            UnixSockets = sockets,
            AllowLocalBinding = B("allow_local_binding"),
        };
    }
}
