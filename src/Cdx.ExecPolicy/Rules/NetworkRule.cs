namespace Cdx.ExecPolicy.Rules;

/// <summary>A `network_rule(...)`: a decision for one host and protocol (used by the network proxy only).</summary>
public sealed record NetworkRule(string Host, string Protocol, Decision Decision, string? Justification);
