using Cdx.ExecPolicy.Check;
using Cdx.ExecPolicy.Rules;

namespace Cdx.ExecPolicy.Tests;

/// <summary>Invalid `.rules` files: every error names file:line:col (spec rules.md §1, §7).</summary>
public sealed class RuleFileErrorTests
{
    private static PolicyLoadException LoadError(string text)
    {
        var loader = new PolicyLoader();
        return Assert.Throws<PolicyLoadException>(() => loader.LoadText("team.rules", text));
    }

    [Fact]
    public void A_syntax_error_reports_file_line_and_column()
    {
        var e = LoadError("prefix_rule(pattern=[\"git\"])\nprefix_rule(pattern=[\"ls\"]");
        Assert.Equal("team.rules", e.PolicyPath);
        Assert.Equal(2, e.Line);
        Assert.True(e.Column > 0);
        Assert.StartsWith("team.rules:2:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_match_example_that_does_not_match_fails_the_load_with_the_spec_message()
    {
        var e = LoadError("prefix_rule(pattern=[\"git\", \"status\"], match=[\"git log\"])");
        Assert.Equal(1, e.Line);
        Assert.Equal(
            "expected every example to match at least one rule. rules: [\"PrefixRule { pattern: PrefixPattern { canonical_matching: false, "
            + "first: \\\"git\\\", rest: [Single(\\\"status\\\")] }, decision: Allow, justification: None }\"]; unmatched examples: [\"git log\"]",
            e.Detail);
    }

    [Fact]
    public void A_not_match_example_that_matches_fails_the_load()
    {
        var e = LoadError("prefix_rule(pattern=[\"git\"], not_match=[[\"git\", \"push\"]])");
        Assert.StartsWith("expected example to not match rule `PrefixRuleMatch { matched_prefix: [\"git\"]", e.Detail, StringComparison.Ordinal);
        Assert.EndsWith(": git push", e.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prefix_rule(pattern=[])", "invalid pattern element: pattern cannot be empty")]
    [InlineData("prefix_rule(pattern=[\"git\", []])", "pattern alternatives cannot be empty")]
    [InlineData("prefix_rule(pattern=[\"git\"], decision=\"deny\")", "invalid decision: deny")]
    [InlineData("prefix_rule(pattern=[\"git\"], justification=\"  \")", "justification cannot be empty")]
    [InlineData("prefix_rule(pattern=[\"git\"], reason=\"x\")", "extra named parameter")]
    [InlineData("load(\"x.star\", \"y\")", "No imports are available")]
    [InlineData("host_executable(name=\"git\", paths=[\"/usr/bin/hg\"])", "must have basename `git`")]
    public void Semantic_errors_name_the_problem_and_the_place(string text, string expected)
    {
        var e = LoadError(text);
        Assert.Contains(expected, e.Detail, StringComparison.Ordinal);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Check_rejects_the_whole_run_when_one_file_is_invalid()
    {
        var dir = Directory.CreateTempSubdirectory("cdx-ep-err-");
        try
        {
            var good = Path.Combine(dir.FullName, "good.rules");
            var bad = Path.Combine(dir.FullName, "bad.rules");
            File.WriteAllText(good, "prefix_rule(pattern=[\"git\"])");
            File.WriteAllText(bad, "prefix_rule(pattern=\"git\")");
            var e = Assert.Throws<PolicyLoadException>(() => PolicyCheck.Run([good, bad], ["git"], false, false));
            Assert.Equal(bad, e.PolicyPath);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Unreadable_files_are_io_errors_worded_like_codex()
    {
        var missing = Assert.Throws<PolicyLoadException>(() => new PolicyLoader().LoadFile("/nonexistent/x.rules"));
        Assert.True(missing.IsIoError);
        Assert.Equal("No such file or directory (os error 2)", missing.Detail);
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, [.. "prefix_rule(pattern=[\""u8, 0xff, .. "\"])"u8]);
            var invalid = Assert.Throws<PolicyLoadException>(() => new PolicyLoader().LoadFile(file));
            Assert.Equal("stream did not contain valid UTF-8", invalid.Detail);
            File.WriteAllBytes(file, [0xef, 0xbb, 0xbf, .. "prefix_rule(pattern=[\"git\"])"u8]);
            var bom = Assert.Throws<PolicyLoadException>(() => new PolicyLoader().LoadFile(file));
            Assert.False(bom.IsIoError);
            Assert.Equal((1, 1), (bom.Line, bom.Column));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("f\"{s!r}\"", "\"a\"")]
    [InlineData("f\"{s! s }\"", "a")]
    [InlineData("f\"{n!r}-{l!r}\"", "3-[\"x\"]")]
    public void F_string_conversions_render_like_codex(string fstring, string expected)
    {
        var loader = new PolicyLoader();
        loader.LoadText("f.rules", $"s = \"a\"\nn = 3\nl = [\"x\"]\nprefix_rule(pattern=[\"git\"], justification={fstring})");
        Assert.Equal(expected, loader.Build().Rules.Single().Justification);
    }

    [Theory]
    [InlineData("f\"{s!a}\"", "invalid f-string conversion specifier, expected 's' or 'r'")]
    [InlineData("f\"{s !r}\"", "Parse error: invalid input `!`")]
    [InlineData("f\"{s!r:x}\"", "Parse error: unexpected symbol ':'")]
    public void Bad_f_string_conversions_fail_the_load(string fstring, string expected)
    {
        var e = LoadError($"s = \"a\"\nprefix_rule(pattern=[\"git\"], justification={fstring})");
        Assert.StartsWith(expected, e.Detail, StringComparison.Ordinal);
        Assert.Equal(2, e.Line);
    }
}
