using Cdx.ApplyPatch.Applying;
using Cdx.ApplyPatch.Model;
using Cdx.ApplyPatch.Parsing;

namespace Cdx.ApplyPatch.Tests;

public sealed class UpdateComputerTests
{
    private static string Apply(string original, params string[] body)
    {
        var patch = PatchParser.Parse(string.Join('\n', ["*** Begin Patch", "*** Update File: f.txt", .. body, "*** End Patch"]));
        return UpdateComputer.Apply(original, ((UpdateFileHunk)patch.Hunks[0]).Chunks, "/w/f.txt");
    }

    [Fact]
    public void Crlf_file_stays_crlf()
    {
        Assert.Equal("a\r\nB\r\nc\r\n", Apply("a\r\nb\r\nc\r\n", "@@", " a", "-b", "+B"));
    }

    [Fact]
    public void Mixed_endings_keep_each_line_and_new_lines_take_the_first_lines_ending()
    {
        Assert.Equal("a\r\nB\r\nB2\r\nc\r\n", Apply("a\r\nb\nc\r\n", "@@", "-b", "+B", "+B2"));
    }

    [Fact]
    public void Context_lines_keep_their_own_text_and_terminator()
    {
        Assert.Equal("  a  \nB\nc\r\n", Apply("  a  \nb\r\nc\r\n", "@@", " a", "-b", "+B", " c"));
    }

    [Fact]
    public void Missing_final_newline_is_added()
    {
        Assert.Equal("first line\nsecond line\n", Apply("no newline at end", "@@", "-no newline at end", "+first line", "+second line"));
        Assert.Equal("a\nB\n", Apply("a\nb", "@@", "-b", "+B"));
        Assert.Equal("A\nb\n", Apply("a\nb", "@@", "-a", "+A"));
    }

    [Fact]
    public void Pure_addition_goes_to_the_end_of_the_file_not_after_the_context()
    {
        Assert.Equal("def a():\n    pass\ndef b():\n    pass\nadded\n", Apply("def a():\n    pass\ndef b():\n    pass\n", "@@ def a():", "+added"));
        Assert.Equal("a\n\nX\n", Apply("a\n\n", "@@", "+X"));
    }

    [Fact]
    public void Context_header_selects_the_second_of_two_identical_bodies()
    {
        var original = "def a():\n    return 1\ndef b():\n    return 1\n";
        Assert.Equal("def a():\n    return 1\ndef b():\n    return 2\n", Apply(original, "@@ def b():", "-    return 1", "+    return 2"));
    }

    [Fact]
    public void End_of_file_marker_changes_the_last_occurrence()
    {
        Assert.Equal("x\ny\nx\nY\n", Apply("x\ny\nx\ny\n", "@@", " x", "-y", "+Y", "*** End of File"));
        Assert.Equal("x\nY\nx\ny\n", Apply("x\ny\nx\ny\n", "@@", " x", "-y", "+Y"));
    }

    [Fact]
    public void Fuzzy_match_rewrites_removed_lines_with_the_patch_text()
    {
        Assert.Equal("say \"bye\"\n", Apply("say \u201Chi\u201D\n", "@@", "-say \"hi\"", "+say \"bye\""));
        Assert.Equal("done\n", Apply("    indented  \n", "@@", "-indented", "+done"));
    }

    [Fact]
    public void Unicode_text_is_replaced_exactly()
    {
        Assert.Equal("line1\nnaïve café ✅\nline3\n", Apply("line1\nnaïve café\nline3\n", "@@", " line1", "-naïve café", "+naïve café ✅"));
    }

    [Fact]
    public void Trailing_blank_context_line_may_stand_for_the_final_newline()
    {
        Assert.Equal("a\nB\n", Apply("a\nb\n", "@@", "-b", "+B", ""));
    }

    [Fact]
    public void Deleting_every_line_leaves_an_empty_file()
    {
        Assert.Equal("", Apply("a\nb\n", "@@", "-a", "-b"));
    }

    [Fact]
    public void Chunks_out_of_file_order_fail_naming_the_lines()
    {
        var ex = Assert.Throws<PatchApplyException>(() => Apply("a\nb\nc\n", "@@", "-c", "+C", "@@", "-a", "+A"));
        Assert.Equal("Failed to find expected lines in /w/f.txt:\na", ex.Message);
    }

    [Fact]
    public void Missing_context_header_names_the_context()
    {
        var ex = Assert.Throws<PatchApplyException>(() => Apply("a\n", "@@ def nope():", "-a"));
        Assert.Equal("Failed to find context 'def nope():' in /w/f.txt", ex.Message);
    }
}
