using Cdx.Toml;

namespace Cdx.Config.Requirements;

internal static partial class RequirementsValidator
{
    /// <summary>Parses `[rules]`: non-empty prefix_rules, each with a pattern and a prompt/forbidden decision.</summary>
    public static IReadOnlyList<PrefixRuleRequirement> ParseRules(RequirementsReader r, TomlValue value)
    {
        var t = r.Table(value, "rules");
        if (!t.TryGetValue("prefix_rules", out var rulesValue))
        {
            throw r.Error(value, "rules prefix_rules is missing; add `prefix_rules = [...]` under [rules] or remove the [rules] table");
        }
        var arr = r.Array(rulesValue, "rules.prefix_rules");
        if (arr.Count == 0)
        {
            throw r.Error(rulesValue, "rules prefix_rules cannot be empty");
        }
        var rules = new List<PrefixRuleRequirement>();
        for (var i = 0; i < arr.Count; i++)
        {
            rules.Add(ParseRule(r, arr[i], i));
        }
        return rules;
    }

    private static PrefixRuleRequirement ParseRule(RequirementsReader r, TomlValue value, int index)
    {
        var rule = r.Table(value, $"rules.prefix_rules[{index}]");
        if (!rule.TryGetValue("pattern", out var patternValue) || r.Array(patternValue, "pattern").Count == 0)
        {
            throw r.Error(rule.TryGetValue("pattern", out var pv) ? pv : value, $"rules prefix_rule at rule_index {index} has an empty pattern; give at least one token");
        }
        var tokens = new List<PatternToken>();
        var ti = 0;
        foreach (var tokenValue in (TomlArray)patternValue)
        {
            tokens.Add(ParseToken(r, tokenValue, index, ti++));
        }
        if (!rule.TryGetValue("decision", out var decisionValue))
        {
            throw r.Error(value, $"rules prefix_rule at rule_index {index} is missing a decision; use decision = \"prompt\" or \"forbidden\"");
        }
        var decision = r.String(decisionValue, "decision");
        if (decision == "allow")
        {
            throw r.Error(decisionValue, $"rules prefix_rule at rule_index {index} has decision 'allow', which is not permitted in requirements.toml: " +
                "Codex merges these rules with other config and uses the most restrictive result (use 'prompt' or 'forbidden')");
        }
        if (decision is not ("prompt" or "forbidden" or "prompt-user"))
        {
            throw r.Error(decisionValue, $"rules prefix_rule at rule_index {index} has unknown decision '{decision}'; expected 'prompt' or 'forbidden'");
        }
        string? justification = null;
        if (rule.TryGetValue("justification", out var j))
        {
            justification = r.String(j, "justification");
            if (string.IsNullOrWhiteSpace(justification))
            {
                throw r.Error(j, $"rules prefix_rule at rule_index {index} has a blank justification; remove it or write one");
            }
        }
        return new PrefixRuleRequirement(tokens, decision == "prompt-user" ? "prompt" : decision, justification,
            r.Source, value.SourcePath ?? r.Source.Path, value.Position.Line, value.Position.Column);
    }

    private static PatternToken ParseToken(RequirementsReader r, TomlValue value, int rule, int token)
    {
        var where = $"rules prefix_rule at rule_index {rule}, token_index {token}";
        var t = value as TomlTable ?? throw r.Error(value, $"{where}: expected a table {{ token = \"...\" }} or {{ any_of = [...] }}");
        var hasToken = t.TryGetValue("token", out var tok);
        var hasAny = t.TryGetValue("any_of", out var any);
        if (hasToken && hasAny)
        {
            throw r.Error(value, $"{where}: set either token or any_of, not both");
        }
        if (hasToken)
        {
            var s = r.String(tok!, "token");
            return string.IsNullOrWhiteSpace(s) ? throw r.Error(tok!, $"{where}: token cannot be blank") : new PatternToken([s]);
        }
        if (hasAny)
        {
            var alts = r.Strings(any!, "any_of");
            if (alts.Count == 0 || alts.Any(string.IsNullOrWhiteSpace))
            {
                throw r.Error(any!, $"{where}: any_of must be a non-empty list without blank entries");
            }
            return new PatternToken(alts);
        }
        throw r.Error(value, $"{where}: set either token or any_of");
    }

    /// <summary>Parses an MCP allowlist table: name to `identity` (command or url, plain or structured).</summary>
    public static IReadOnlyDictionary<string, McpServerIdentity> ParseMcpAllowlist(RequirementsReader r, TomlValue value, string key)
    {
        var map = new Dictionary<string, McpServerIdentity>(StringComparer.Ordinal);
        foreach (var (name, entry) in r.Table(value, key))
        {
            var p = $"{key}.{KeyPath.Quote(name)}";
            var t = r.Table(entry, p);
            if (!t.TryGetValue("identity", out var idValue))
            {
                throw r.Error(entry, $"`{p}` is missing `identity = {{ command = \"...\" }}` or `{{ url = \"...\" }}`");
            }
            map[name] = ParseIdentity(r, r.Table(idValue, p + ".identity"), p + ".identity");
        }
        return map;
    }

    private static McpServerIdentity ParseIdentity(RequirementsReader r, TomlTable id, string p)
    {
        var hasCommand = id.TryGetValue("command", out var command);
        var hasUrl = id.TryGetValue("url", out var url);
        if (hasCommand == hasUrl)
        {
            throw r.Error(id, $"`{p}` must set exactly one of `command` or `url`");
        }
        if (hasUrl)
        {
            if (url is TomlTable ut)
            {
                var (m, v) = ParseMatch(r, ut, p + ".url");
                return new McpServerIdentity(null, null, v, m);
            }
            return new McpServerIdentity(null, null, r.NonBlank(url!, p + ".url"));
        }
        if (command is not TomlTable ct)
        {
            return new McpServerIdentity(r.NonBlank(command!, p + ".command"), null, null);
        }
        if (!ct.TryGetValue("executable", out var exe))
        {
            throw r.Error(ct, $"`{p}.command` needs `executable`");
        }
        var args = new List<McpIdentityArg>();
        if (ct.TryGetValue("args", out var argsValue))
        {
            foreach (var a in r.Array(argsValue, p + ".command.args"))
            {
                var (m, v) = ParseMatch(r, r.Table(a, p + ".command.args[]"), p + ".command.args[]");
                args.Add(new McpIdentityArg(m, v));
            }
        }
        return new McpServerIdentity(r.NonBlank(exe, p + ".command.executable"), args, null);
    }

    private static (string Match, string Value) ParseMatch(RequirementsReader r, TomlTable t, string p)
    {
        var match = t.TryGetValue("match", out var m) ? r.OneOf(m, p + ".match", ["exact", "prefix", "regex"]) : "exact";
        var value = t.TryGetValue("value", out var v) ? r.String(v, p + ".value") : throw r.Error(t, $"`{p}` needs `value`");
        if (match == "regex")
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(value);
            }
            catch (ArgumentException ex)
            {
                throw r.Error(v, $"`{p}.value` is not a valid regular expression: {ex.Message}");
            }
        }
        return (match, value);
    }
}
