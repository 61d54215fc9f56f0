using Cdx.ExecPolicy.Shell;
using Cdx.ExecPolicy.Starlark;

namespace Cdx.ExecPolicy.Rules;

/// <summary>`host_executable`, `network_rule` and load-time example validation.</summary>
public sealed partial class PolicyLoader
{
    private void HostExecutableBuiltin(CallArgs a)
    {
        var v = ArgBinder.Bind("host_executable", a, 2, "name", "paths");
        var name = ArgBinder.Expect<string>(v[0], "name", "str");
        var paths = ArgBinder.Expect<StarList>(v[1], "paths", "list");
        if (name.Length == 0)
        {
            throw new PolicyRuleException("invalid rule: host_executable name cannot be empty");
        }
        if (name.Contains('/') || name is "." or "..")
        {
            throw new PolicyRuleException($"invalid rule: host_executable name must be a bare executable name (got {name})");
        }
        var parsed = new List<string>();
        foreach (var item in paths.Items)
        {
            var raw = item as string ?? throw new PolicyRuleException(
                $"invalid rule: host_executable paths must be strings (got {StarValue.TypeName(item)})");
            if (!raw.StartsWith('/'))
            {
                throw new PolicyRuleException($"invalid rule: host_executable paths must be absolute (got {raw})");
            }
            var normalized = HostPaths.Normalize(raw)!;
            if (Path.GetFileName(normalized) != name)
            {
                throw new PolicyRuleException($"invalid rule: host_executable path `{raw}` must have basename `{name}`");
            }
            if (!parsed.Contains(normalized))
            {
                parsed.Add(normalized);
            }
        }
        _policy.SetHostExecutable(name, parsed);
    }

    private void NetworkRuleBuiltin(CallArgs a)
    {
        var v = ArgBinder.Bind("network_rule", a, 3, "host", "protocol", "decision", "justification");
        var host = ArgBinder.Expect<string>(v[0], "host", "str");
        var protocol = ArgBinder.Expect<string>(v[1], "protocol", "str");
        var decisionText = ArgBinder.Expect<string>(v[2], "decision", "str");
        var justification = v[3] is null ? null : ArgBinder.Expect<string>(v[3], "justification", "str");
        var normalizedProtocol = protocol switch
        {
            "http" => "http",
            "https" or "https_connect" or "http-connect" => "https",
            "socks5_tcp" => "socks5_tcp",
            "socks5_udp" => "socks5_udp",
            _ => throw new PolicyRuleException(
                $"invalid rule: network_rule protocol must be one of http, https, socks5_tcp, socks5_udp (got {protocol})"),
        };
        var decision = decisionText == "deny" ? Decision.Forbidden : DecisionText.Parse(decisionText);
        if (justification is not null && string.IsNullOrWhiteSpace(justification))
        {
            throw new PolicyRuleException("invalid rule: justification cannot be empty");
        }
        _networkRules.Add(new NetworkRule(NormalizeHost(host), normalizedProtocol, decision, justification));
    }

    private static string NormalizeHost(string raw)
    {
        var host = raw.Trim();
        if (host.Length == 0)
        {
            throw new PolicyRuleException("invalid rule: network_rule host cannot be empty");
        }
        if (host.Contains("://") || host.IndexOfAny(['/', '?', '#']) >= 0)
        {
            throw new PolicyRuleException("invalid rule: network_rule host must be a hostname or IP literal (without scheme or path)");
        }
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']');
            if (close < 0)
            {
                throw new PolicyRuleException("invalid rule: network_rule host has an invalid bracketed IPv6 literal");
            }
            var rest = host[(close + 1)..];
            if (rest.Length > 0 && !(rest.StartsWith(':') && rest.Length > 1 && rest[1..].All(char.IsAsciiDigit)))
            {
                throw new PolicyRuleException($"invalid rule: network_rule host contains an unsupported suffix: {raw}");
            }
            host = host[1..close];
        }
        else if (host.Count(c => c == ':') == 1 && host.Split(':') is [{ Length: > 0 } name, { Length: > 0 } port] && port.All(char.IsAsciiDigit))
        {
            host = name;
        }
        var normalized = host.TrimEnd('.').Trim().ToLowerInvariant();
        if (normalized.Length == 0)
        {
            throw new PolicyRuleException("invalid rule: network_rule host cannot be empty");
        }
        if (normalized.Contains('*'))
        {
            throw new PolicyRuleException("invalid rule: network_rule host must be a specific host; wildcards are not allowed");
        }
        if (normalized.Any(char.IsWhiteSpace))
        {
            throw new PolicyRuleException("invalid rule: network_rule host cannot contain whitespace");
        }
        return normalized;
    }

    private void ValidateExamples(string identifier, int start)
    {
        for (var i = start; i < _pending.Count; i++)
        {
            var pending = _pending[i];
            var local = new Policy();
            pending.Rules.ToList().ForEach(local.Add);
            foreach (var (name, paths) in _policy.HostExecutables)
            {
                local.SetHostExecutable(name, paths);
            }
            foreach (var example in pending.NotMatches)
            {
                if (local.Match(example, resolveHostExecutables: true) is [var first, ..])
                {
                    throw new PolicyLoadException(identifier,
                        $"expected example to not match rule `{DebugMatch(first)}`: {Shlex.Join(example)}",
                        pending.Position.Line, pending.Position.Column);
                }
            }
            var unmatched = pending.Matches
                .Where(example => local.Match(example, resolveHostExecutables: true).Count == 0)
                .Select(Shlex.Join)
                .ToList();
            if (unmatched.Count > 0)
            {
                var rules = string.Join(", ", pending.Rules.Select(r => DebugString(DebugRule(r))));
                var examples = string.Join(", ", unmatched.Select(DebugString));
                throw new PolicyLoadException(identifier,
                    $"expected every example to match at least one rule. rules: [{rules}]; unmatched examples: [{examples}]",
                    pending.Position.Line, pending.Position.Column);
            }
        }
    }

    // The two renderings below follow the shape of Codex's messages (Rust debug output), so
    // people comparing the two tools see the same text.
    private static string DebugRule(PrefixRule rule)
    {
        var rest = string.Join(", ", rule.Rest.Select(t => t.Alternatives.Count == 1
            ? $"Single({DebugString(t.Alternatives[0])})"
            : $"Alts([{string.Join(", ", t.Alternatives.Select(DebugString))}])"));
        return $"PrefixRule {{ pattern: PrefixPattern {{ canonical_matching: false, first: {DebugString(rule.First)}, rest: [{rest}] }}, "
            + $"decision: {DebugDecision(rule.Decision)}, justification: {DebugOption(rule.Justification)} }}";
    }

    private static string DebugMatch(RuleMatch m) =>
        $"PrefixRuleMatch {{ matched_prefix: [{string.Join(", ", m.MatchedPrefix.Select(DebugString))}], "
        + $"decision: {DebugDecision(m.Decision)}, resolved_program: {DebugOption(m.ResolvedProgram)}, "
        + $"justification: {DebugOption(m.Justification)} }}";

    private static string DebugDecision(Decision d) => d switch
    {
        Decision.Allow => "Allow",
        Decision.Prompt => "Prompt",
        _ => "Forbidden",
    };

    private static string DebugOption(string? s) => s is null ? "None" : $"Some({DebugString(s)})";

    private static string DebugString(string s) => RustText.Debug(s);
}
