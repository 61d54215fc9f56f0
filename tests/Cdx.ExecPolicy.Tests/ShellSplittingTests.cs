using Cdx.ExecPolicy.Shell;

namespace Cdx.ExecPolicy.Tests;

public sealed class ShellSplittingTests
{
    private static string[][]? Split(string script) =>
        ShellScript.SplitPlain(script)?.Select(c => c.ToArray()).ToArray();

    [Theory]
    [InlineData("ls -1", new[] { "ls", "-1" })]
    [InlineData("echo 'hi there'", new[] { "echo", "hi there" })]
    [InlineData("echo \"hello world\"", new[] { "echo", "hello world" })]
    [InlineData("echo 123 456", new[] { "echo", "123", "456" })]
    [InlineData("rg -n \"foo\" -g\"*.py\"", new[] { "rg", "-n", "foo", "-g*.py" })]
    [InlineData("grep -n 'pattern' -g'*.txt'", new[] { "grep", "-n", "pattern", "-g*.txt" })]
    [InlineData("echo \"/usr\"'/'\"local\"/bin", new[] { "echo", "/usr/local/bin" })]
    [InlineData("git commit -m \"line1\nline2\"", new[] { "git", "commit", "-m", "line1\nline2" })]
    [InlineData("echo ''", new[] { "echo", "" })]
    [InlineData("ls;", new[] { "ls" })]
    [InlineData("git push --force-with-lease=main", new[] { "git", "push", "--force-with-lease=main" })]
    public void Single_plain_commands_become_one_argv_with_quotes_removed(string script, string[] expected)
    {
        Assert.Equal([expected], Split(script));
    }

    [Fact]
    public void Plain_commands_split_on_and_or_semicolon_pipe_and_newline_in_source_order()
    {
        Assert.Equal(
            [["ls"], ["pwd"], ["echo", "hi there"], ["wc", "-l"], ["true"], ["id"]],
            Split("ls && pwd; echo 'hi there' | wc -l || true\nid"));
    }

    [Fact]
    public void A_newline_may_follow_an_and_operator()
    {
        Assert.Equal([["ls"], ["pwd"]], Split("ls &&\n  pwd"));
    }

    [Theory]
    [InlineData("ls > out.txt")]                 // redirection
    [InlineData("ls >> out.txt")]
    [InlineData("cat < in.txt")]
    [InlineData("ls 2>/dev/null")]
    [InlineData("ls &> log")]
    [InlineData("echo hi & echo bye")]            // background
    [InlineData("(ls)")]                          // subshell
    [InlineData("ls || (pwd && echo hi)")]
    [InlineData("{ ls; }")]                        // brace group
    [InlineData("echo $HOME")]                    // expansions
    [InlineData("echo \"hi $USER\"")]
    [InlineData("echo \"hi ${USER}\"")]
    [InlineData("echo $(pwd)")]                   // substitutions
    [InlineData("echo `pwd`")]
    [InlineData("echo $((1+2))")]
    [InlineData("FOO=bar ls")]                    // assignment prefix
    [InlineData("FOO=bar")]
    [InlineData("if true; then ls; fi")]          // control flow
    [InlineData("for f in a b; do echo $f; done")]
    [InlineData("while true; do ls; done")]
    [InlineData("ls &&")]                         // trailing operator
    [InlineData("&& ls")]                         // leading operator
    [InlineData("ls ;; pwd")]                     // empty segments
    [InlineData("ls | | wc")]
    [InlineData("ls *.py")]                       // globs
    [InlineData("cat file?.txt")]
    [InlineData("echo {a,b}")]                    // brace expansion
    [InlineData("echo a\\ b")]                    // backslash escapes
    [InlineData("echo \"a\\\"b\"")]
    [InlineData("cat <<EOF\nhi\nEOF")]           // heredoc
    [InlineData("export A=1")]                    // declarations
    [InlineData("! ls")]                          // negation
    [InlineData("[ -f x ]")]                      // test command
    [InlineData("'git status'")]                  // quoted command name
    [InlineData("\"ls\" -l")]
    [InlineData("ls # comment")]                  // comments (Codex's grammar rejects them too)
    [InlineData("echo 'unterminated")]
    [InlineData("")]
    [InlineData("   ")]
    public void Anything_but_plain_words_and_the_four_operators_is_not_split(string script)
    {
        Assert.Null(Split(script));
    }

    [Theory]
    [InlineData("bash", "-lc")]
    [InlineData("bash", "-c")]
    [InlineData("zsh", "-lc")]
    [InlineData("sh", "-c")]
    [InlineData("/bin/bash", "-lc")]
    [InlineData("/usr/bin/zsh", "-c")]
    public void Wrappers_are_three_items_with_c_or_lc_and_a_bash_zsh_or_sh_shell(string shell, string flag)
    {
        var split = ShellWrapper.Split([shell, flag, "git add . && rm -rf /"]);
        Assert.Equal(SplitKind.PlainCommands, split.Kind);
        Assert.Equal([["git", "add", "."], ["rm", "-rf", "/"]], split.Segments.Select(s => s.ToArray()).ToArray());
    }

    [Theory]
    [InlineData("bash|-lc|git|status")]
    [InlineData("bash|-x|-c|ls")]
    [InlineData("bash|-e|ls")]
    [InlineData("fish|-c|ls")]
    [InlineData("bash|ls")]
    public void Other_shapes_are_not_wrappers_and_match_as_plain_argv(string joined)
    {
        var argv = joined.Split('|');
        var split = ShellWrapper.Split(argv);
        Assert.Equal(SplitKind.NotAWrapper, split.Kind);
        Assert.Equal([argv], split.Segments.Select(s => s.ToArray()).ToArray());
    }

    [Fact]
    public void Spec_examples_split_as_documented()
    {
        Assert.Equal([["ls"], ["wc", "-l"]], ShellWrapper.Split(["zsh", "-lc", "ls | wc -l"]).Segments.Select(s => s.ToArray()).ToArray());
        var redirect = ShellWrapper.Split(["bash", "-lc", "ls > out.txt"]);
        Assert.Equal(SplitKind.WholeScript, redirect.Kind);
        Assert.Equal([["bash", "-lc", "ls > out.txt"]], redirect.Segments.Select(s => s.ToArray()).ToArray());
    }

    [Theory]
    [InlineData("cat <<EOF\nhello\nEOF", new[] { "cat" })]
    [InlineData("python3 - <<'PY'\nprint(1)\nPY\n", new[] { "python3", "-" })]
    [InlineData("cat <<-EOF\n\thello\n\tEOF", new[] { "cat" })]
    public void Heredoc_scripts_with_one_literal_command_fall_back_to_that_command(string script, string[] expected)
    {
        var split = ShellWrapper.Split(["bash", "-lc", script]);
        Assert.Equal(SplitKind.HeredocCommand, split.Kind);
        Assert.True(split.UsedComplexParsing);
        Assert.Equal([expected], split.Segments.Select(s => s.ToArray()).ToArray());
    }

    [Theory]
    [InlineData("cat <<EOF > out.txt\nhello\nEOF")]    // file redirect
    [InlineData("cat <<EOF | wc -l\nhello\nEOF")]      // two commands
    [InlineData("cat \"$F\" <<EOF\nhello\nEOF")]       // non-literal word
    [InlineData("cat <<EOF\nhello\n")]                 // unterminated body
    public void Heredoc_fallback_refuses_redirects_pipelines_and_expansions(string script)
    {
        Assert.Equal(SplitKind.WholeScript, ShellWrapper.Split(["bash", "-lc", script]).Kind);
    }

    [Fact]
    public void Literal_commands_are_found_inside_control_flow_and_substitutions()
    {
        var commands = ShellScript.LiteralCommands(
            "for t in /a /b; do rm -r -f \"$t\"; done; echo \"$(git status)\"; X=1 make all > log; $cmd -x")!;
        var rendered = commands.Select(c => string.Join(" ", c)).ToList();
        Assert.Contains("rm -r -f \"$t\"", rendered);
        Assert.Contains("git status", rendered);
        Assert.Contains("make all", rendered);
        Assert.DoesNotContain(rendered, r => r.Contains("/a", StringComparison.Ordinal));
        Assert.DoesNotContain(rendered, r => r.StartsWith("$cmd", StringComparison.Ordinal));
    }
}
