using Cdx.ApplyPatch.Model;
using Cdx.ApplyPatch.Parsing;

namespace Cdx.ApplyPatch.Tests;

public sealed class PatchParserTests
{
    private static Patch Parse(params string[] body) =>
        PatchParser.Parse(string.Join('\n', ["*** Begin Patch", .. body, "*** End Patch"]));

    private static PatchParseException Fails(params string[] body) =>
        Assert.Throws<PatchParseException>(() => Parse(body));

    [Fact]
    public void Add_delete_update_and_move_parse_in_order()
    {
        var patch = Parse("*** Add File: a/new.txt", "+one", "+", "*** Delete File: old.txt",
            "*** Update File: src/x.py", "*** Move to: src/y.py", "@@ def f():", "-    pass", "+    return 1");

        Assert.Collection(patch.Hunks,
            h => Assert.Equal(new AddFileHunk("a/new.txt", "one\n\n"), h),
            h => Assert.Equal(new DeleteFileHunk("old.txt"), h),
            h =>
            {
                var u = Assert.IsType<UpdateFileHunk>(h);
                Assert.Equal(("src/x.py", "src/y.py"), (u.Path, u.MovePath));
                var c = Assert.Single(u.Chunks);
                Assert.Equal("def f():", c.ChangeContext);
                Assert.Equal(["    pass"], c.OldLines);
                Assert.Equal(["    return 1"], c.NewLines);
            });
    }

    [Fact]
    public void Add_file_without_lines_is_an_empty_file()
    {
        Assert.Equal(new AddFileHunk("empty.txt", ""), Assert.Single(Parse("*** Add File: empty.txt").Hunks));
    }

    [Fact]
    public void Padded_markers_and_indented_first_header_are_accepted()
    {
        var patch = PatchParser.Parse("  *** Begin Patch \n   *** Update File: foo.txt\n@@\n-old\n+new\n *** End Patch  \n");
        Assert.Equal("foo.txt", Assert.Single(patch.Hunks).Path);
    }

    [Fact]
    public void Crlf_patch_lines_lose_their_carriage_returns()
    {
        var patch = PatchParser.Parse("*** Begin Patch\r\n*** Update File: f\r\n@@\r\n-a\r\n+b\r\n*** End Patch\r\n");
        var chunk = Assert.IsType<UpdateFileHunk>(Assert.Single(patch.Hunks)).Chunks[0];
        Assert.Equal(["a"], chunk.OldLines);
        Assert.Equal(["b"], chunk.NewLines);
    }

    [Fact]
    public void Heredoc_wrapped_patch_is_unwrapped()
    {
        var patch = PatchParser.Parse("<<'EOF'\n*** Begin Patch\n*** Delete File: x\n*** End Patch\nEOF\n");
        Assert.Equal(new DeleteFileHunk("x"), Assert.Single(patch.Hunks));
        Assert.Equal("*** Begin Patch\n*** Delete File: x\n*** End Patch", patch.Text);
    }

    [Fact]
    public void First_chunk_may_omit_the_context_marker_and_blank_lines_are_context()
    {
        var u = Assert.IsType<UpdateFileHunk>(Assert.Single(Parse("*** Update File: f", " import os", "", "+import sys").Hunks));
        var c = Assert.Single(u.Chunks);
        Assert.Equal(["import os", ""], c.OldLines);
        Assert.Equal(["import os", "", "import sys"], c.NewLines);
        Assert.Equal([(0, 0), (1, 1)], c.ContextLines);
    }

    [Fact]
    public void End_of_file_marker_pins_the_chunk()
    {
        var u = Assert.IsType<UpdateFileHunk>(Assert.Single(Parse("*** Update File: f", "@@", "-a", "+b", "*** End of File").Hunks));
        Assert.True(u.Chunks[0].IsEndOfFile);
    }

    [Fact]
    public void Context_header_keeps_leading_spaces_but_not_trailing_ones()
    {
        var u = Assert.IsType<UpdateFileHunk>(Assert.Single(Parse("*** Update File: f", "@@   def f():  ", "-a").Hunks));
        Assert.Equal("  def f():", u.Chunks[0].ChangeContext);
    }

    [Fact]
    public void Environment_id_after_begin_is_recorded()
    {
        Assert.Equal("env-1", Parse("*** Environment ID: env-1", "*** Delete File: x").EnvironmentId);
    }

    [Theory]
    [InlineData("", "The last line of the patch must be '*** End Patch'")]
    [InlineData("hello", "The first line of the patch must be '*** Begin Patch'")]
    [InlineData("*** Begin Patch\n*** Delete File: x", "The last line of the patch must be '*** End Patch'")]
    [InlineData("<<\"EOF'\n*** Begin Patch\n*** Delete File: x\n*** End Patch\nEOF", "The first line of the patch must be '*** Begin Patch'")]
    [InlineData("*** Begin Patch\n*** Delete File: x\n*** End Patch\n*** Delete File: y\n*** End Patch", "The last line of the patch must be '*** End Patch'")]
    public void Envelope_errors_have_codex_wording(string text, string detail)
    {
        var ex = Assert.Throws<PatchParseException>(() => PatchParser.Parse(text));
        Assert.Equal(detail, ex.Detail);
        Assert.Null(ex.LineNumber);
        Assert.Equal("Invalid patch: " + detail, ex.CliMessage);
        Assert.Equal("invalid patch: " + detail, ex.ToolMessage);
    }

    [Fact]
    public void Unknown_header_names_the_line_and_the_valid_headers()
    {
        var ex = Fails("*** Frobnicate File: foo");
        Assert.Equal(2, ex.LineNumber);
        Assert.Equal("Invalid patch hunk on line 2: '*** Frobnicate File: foo' is not a valid hunk header. Valid hunk headers: '*** Add File: {path}', '*** Delete File: {path}', '*** Update File: {path}'", ex.CliMessage);
    }

    [Fact]
    public void Add_file_line_without_plus_is_an_invalid_header()
    {
        var ex = Fails("*** Add File: a", "+x", "hello");
        Assert.Equal((4, "'hello' is not a valid hunk header. Valid hunk headers: '*** Add File: {path}', '*** Delete File: {path}', '*** Update File: {path}'"), (ex.LineNumber!.Value, ex.Detail));
    }

    [Fact]
    public void Update_without_chunks_is_empty_even_with_a_move()
    {
        var ex = Fails("*** Update File: foo.txt", "*** Move to: bar.txt");
        Assert.Equal((2, "Update file hunk for path 'foo.txt' is empty"), (ex.LineNumber!.Value, ex.Detail));
        Assert.Equal("invalid hunk at line 2, Update file hunk for path 'foo.txt' is empty", ex.ToolMessage);
    }

    [Fact]
    public void Context_marker_without_lines_before_end_is_rejected()
    {
        var ex = Fails("*** Update File: f", "@@");
        Assert.Equal((4, "Update hunk does not contain any lines"), (ex.LineNumber!.Value, ex.Detail));
    }

    [Fact]
    public void End_of_file_marker_right_after_context_marker_is_rejected()
    {
        var ex = Fails("*** Update File: f", "@@", "*** End of File");
        Assert.Equal((4, "Update hunk does not contain any lines"), (ex.LineNumber!.Value, ex.Detail));
    }

    [Fact]
    public void Stacked_context_markers_are_rejected()
    {
        var ex = Fails("*** Update File: f", "@@ class A:", "@@   def m():", "-x");
        Assert.Equal(4, ex.LineNumber);
        Assert.Equal("Unexpected line found in update hunk: '@@   def m():'. Every line should start with ' ' (context line), '+' (added line), or '-' (removed line)", ex.Detail);
    }

    [Fact]
    public void Bad_line_after_a_chunk_asks_for_a_context_marker()
    {
        var ex = Fails("*** Update File: f", "@@", "-a", "oops");
        Assert.Equal((5, "Expected update hunk to start with a @@ context marker, got: 'oops'"), (ex.LineNumber!.Value, ex.Detail));
    }

    [Fact]
    public void Bad_first_line_of_an_update_is_unexpected()
    {
        var ex = Fails("*** Update File: f", "*** Bogus");
        Assert.Equal(3, ex.LineNumber);
        Assert.StartsWith("Unexpected line found in update hunk: '*** Bogus'.", ex.Detail);
    }

    [Fact]
    public void Lines_after_end_of_file_need_a_context_marker()
    {
        var ex = Fails("*** Update File: f", "@@", "-a", "*** End of File", "+b");
        Assert.Equal((6, "Expected update hunk to start with a @@ context marker, got: '+b'"), (ex.LineNumber!.Value, ex.Detail));
    }
}
