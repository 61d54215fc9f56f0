namespace Cdx.Config.Requirements;

/// <summary>`[experimental_network]`: the managed network proxy policy (legacy lists folded into Domains).</summary>
public sealed record NetworkRequirements
{
    /// <summary>Activate the managed proxy.</summary>
    public bool? Enabled { get; init; }
    /// <summary>HTTP proxy port.</summary>
    public int? HttpPort { get; init; }
    /// <summary>SOCKS proxy port.</summary>
    public int? SocksPort { get; init; }
    /// <summary>Chain to an upstream proxy.</summary>
    public bool? AllowUpstreamProxy { get; init; }
    /// <summary>Listen on non-loopback addresses.</summary>
    public bool? DangerouslyAllowNonLoopbackProxy { get; init; }
    /// <summary>Allow any unix socket.</summary>
    public bool? DangerouslyAllowAllUnixSockets { get; init; }
    /// <summary>Domain pattern to `allow` or `deny` (deny beats allow).</summary>
    public IReadOnlyDictionary<string, string> Domains { get; init; } = new Dictionary<string, string>();
    /// <summary>Only admin allow entries count.</summary>
    public bool? ManagedAllowedDomainsOnly { get; init; }
    /// <summary>Unix socket path to `allow` or `none`.</summary>
    public IReadOnlyDictionary<string, string> UnixSockets { get; init; } = new Dictionary<string, string>();
    /// <summary>Local bind/listen and loopback access.</summary>
    public bool? AllowLocalBinding { get; init; }
}
