using Cdx.ExecPolicy.Starlark;

namespace Cdx.ExecPolicy.Rules;

/// <summary>Evaluates `.rules` files one after another into a single <see cref="Policy"/>.</summary>
public sealed partial class PolicyLoader
{
    private readonly Policy _policy = new();
    private readonly List<PendingExamples> _pending = [];
    private readonly List<NetworkRule> _networkRules = [];
    private string _currentFile = "";

    private sealed record PendingExamples(
        IReadOnlyList<PrefixRule> Rules, IReadOnlyList<IReadOnlyList<string>> Matches,
        IReadOnlyList<IReadOnlyList<string>> NotMatches, SourcePosition Position);

    /// <summary>Network rules seen so far (they never affect command decisions).</summary>
    public IReadOnlyList<NetworkRule> NetworkRules => _networkRules;

    // Strict UTF-8 without BOM stripping: Codex reads files as Rust strings, so invalid bytes are
    // a read error and a BOM reaches the parser (which rejects it).
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and evaluates one file; the identifier in errors is the path as given.</summary>
    public void LoadFile(string path)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new PolicyLoadException(path, ReadErrorText(path, e), isIoError: true);
        }
        LoadText(path, text);
    }

    // The OS-style wording Codex prints, instead of .NET's (resource-stripped) messages.
    private static string ReadErrorText(string path, Exception e) => e switch
    {
        System.Text.DecoderFallbackException => "stream did not contain valid UTF-8",
        FileNotFoundException or DirectoryNotFoundException => "No such file or directory (os error 2)",
        UnauthorizedAccessException when Directory.Exists(path) => "Is a directory (os error 21)",
        UnauthorizedAccessException => "Permission denied (os error 13)",
        _ when Directory.Exists(path) => "Is a directory (os error 21)",
        _ => e.Message,
    };

    /// <summary>Evaluates rule source text named <paramref name="identifier"/>.</summary>
    public void LoadText(string identifier, string text)
    {
        _currentFile = identifier;
        var start = _pending.Count;
        try
        {
            var module = Parser.ParseModule(identifier, text);
            new Evaluator(CreateBuiltins()).ExecuteModule(module);
        }
        catch (StarlarkException e)
        {
            throw new PolicyLoadException(identifier, e.Detail, e.Position.Line, e.Position.Column);
        }
        ValidateExamples(identifier, start);
    }

    /// <summary>The policy accumulated from every file loaded so far.</summary>
    public Policy Build() => _policy;

    private Dictionary<string, BuiltinFunction> CreateBuiltins() => new(StringComparer.Ordinal)
    {
        ["prefix_rule"] = new BuiltinFunction("prefix_rule", a => Guard(a, () => PrefixRuleBuiltin(a))),
        ["host_executable"] = new BuiltinFunction("host_executable", a => Guard(a, () => HostExecutableBuiltin(a))),
        ["network_rule"] = new BuiltinFunction("network_rule", a => Guard(a, () => NetworkRuleBuiltin(a))),
    };

    private static object Guard(CallArgs a, Action body)
    {
        try
        {
            body();
        }
        catch (PolicyRuleException e)
        {
            throw new StarlarkException(e.Message, a.Pos);
        }
        catch (StarlarkError e)
        {
            throw new StarlarkException(e.Message, a.Pos);
        }
        return StarNone.Instance;
    }

    private void PrefixRuleBuiltin(CallArgs a)
    {
        var v = ArgBinder.Bind("prefix_rule", a, 1, "pattern", "decision", "match", "not_match", "justification");
        // Types are checked for every parameter before any value is interpreted, as the typed
        // signature of Codex's builtin does.
        var pattern = ArgBinder.Expect<StarList>(v[0], "pattern", "list");
        var decisionText = v[1] is null ? null : ArgBinder.Expect<string>(v[1], "decision", "str");
        var matchList = v[2] is null ? null : ArgBinder.Expect<StarList>(v[2], "match", "list");
        var notMatchList = v[3] is null ? null : ArgBinder.Expect<StarList>(v[3], "not_match", "list");
        var justification = v[4] is null ? null : ArgBinder.Expect<string>(v[4], "justification", "str");
        var decision = decisionText is null ? Decision.Allow : DecisionText.Parse(decisionText);
        if (justification is not null && string.IsNullOrWhiteSpace(justification))
        {
            throw new PolicyRuleException("invalid rule: justification cannot be empty");
        }
        var tokens = ParsePattern(pattern);
        var matches = matchList is null ? [] : matchList.Items.Select(ParseExample).ToList();
        var notMatches = notMatchList is null ? [] : notMatchList.Items.Select(ParseExample).ToList();
        var source = new RuleSource(_currentFile, a.Pos.Line, a.Pos.Column);
        var rest = tokens.Skip(1).ToList();
        var rules = tokens[0].Alternatives
            .Select(head => new PrefixRule(head, rest, decision, justification, source))
            .ToList();
        _pending.Add(new PendingExamples(rules, matches, notMatches, a.Pos));
        rules.ForEach(_policy.Add);
    }

    private static List<PatternToken> ParsePattern(StarList pattern)
    {
        var tokens = pattern.Items.Select(ParsePatternToken).ToList();
        return tokens.Count > 0
            ? tokens
            : throw new PolicyRuleException("invalid pattern element: pattern cannot be empty");
    }

    private static PatternToken ParsePatternToken(object value)
    {
        switch (value)
        {
            case string s:
                return PatternToken.Single(s);
            case StarList list:
                var alternatives = list.Items.Select(item => item as string ?? throw new PolicyRuleException(
                    $"invalid pattern element: pattern alternative must be a string (got {StarValue.TypeName(item)})")).ToList();
                return alternatives.Count > 0
                    ? new PatternToken(alternatives)
                    : throw new PolicyRuleException("invalid pattern element: pattern alternatives cannot be empty");
            default:
                throw new PolicyRuleException(
                    $"invalid pattern element: pattern element must be a string or list of strings (got {StarValue.TypeName(value)})");
        }
    }

    private static IReadOnlyList<string> ParseExample(object value)
    {
        switch (value)
        {
            case string raw:
                var words = Shell.Shlex.Split(raw)
                    ?? throw new PolicyRuleException("invalid example: example string has invalid shell syntax");
                return words.Count > 0 ? words : throw new PolicyRuleException("invalid example: example cannot be an empty string");
            case StarList list:
                var tokens = list.Items.Select(item => item as string ?? throw new PolicyRuleException(
                    $"invalid example: example tokens must be strings (got {StarValue.TypeName(item)})")).ToList();
                return tokens.Count > 0 ? tokens : throw new PolicyRuleException("invalid example: example cannot be an empty list");
            default:
                throw new PolicyRuleException(
                    $"invalid example: example must be a string or list of strings (got {StarValue.TypeName(value)})");
        }
    }
}
