using Cdx.ApplyPatch.Matching;

namespace Cdx.ApplyPatch.Tests;

public sealed class LineMatcherTests
{
    private static (int Index, MatchPass Pass) Seek(string[] lines, string[] pattern, int start = 0, bool eof = false)
    {
        var i = LineMatcher.Seek(lines, pattern, start, eof, out var pass);
        return (i, pass);
    }

    [Fact]
    public void Exact_match_wins_over_an_earlier_fuzzy_one()
    {
        Assert.Equal((1, MatchPass.Exact), Seek([" x", "x"], ["x"]));
    }

    [Fact]
    public void Update_hunk_with_trailing_whitespace_still_matches()
    {
        Assert.Equal((0, MatchPass.TrailingWhitespace), Seek(["foo   ", "bar\t\t"], ["foo", "bar"]));
    }

    [Fact]
    public void Surrounding_whitespace_is_ignored_in_the_third_pass()
    {
        Assert.Equal((0, MatchPass.SurroundingWhitespace), Seek(["    foo   ", "   bar\t"], ["foo", "bar"]));
    }

    [Theory]
    [InlineData("a\u2014b", "a-b")]
    [InlineData("say \u201Chi\u201D", "say \"hi\"")]
    [InlineData("it\u2019s", "it's")]
    [InlineData("x\u00A0=\u20031", "x = 1")]
    [InlineData("\u2212 1", "- 1")]
    public void Unicode_punctuation_matches_ascii_in_the_fourth_pass(string fileLine, string patchLine)
    {
        Assert.Equal((1, MatchPass.UnicodePunctuation), Seek(["other", fileLine], [patchLine]));
    }

    [Fact]
    public void First_match_at_or_after_the_cursor_wins()
    {
        string[] lines = ["x", "y", "x", "y"];
        Assert.Equal(0, Seek(lines, ["x"]).Index);
        Assert.Equal(2, Seek(lines, ["x"], start: 1).Index);
        Assert.Equal(-1, Seek(lines, ["x"], start: 3).Index);
    }

    [Fact]
    public void End_of_file_only_tries_the_last_position()
    {
        string[] lines = ["x", "y", "x", "y"];
        Assert.Equal(2, Seek(lines, ["x", "y"], eof: true).Index);
        Assert.Equal(-1, Seek(lines, ["y", "x"], eof: true).Index);
    }

    [Fact]
    public void Empty_pattern_matches_at_the_cursor_and_long_pattern_never()
    {
        Assert.Equal(3, Seek(["a"], [], start: 3).Index);
        Assert.Equal(-1, Seek(["a"], ["a", "b"]).Index);
    }

    [Fact]
    public void Different_text_does_not_match_in_any_pass()
    {
        Assert.Equal(-1, Seek(["alpha", "beta"], ["alpha", "gamma"]).Index);
    }
}
