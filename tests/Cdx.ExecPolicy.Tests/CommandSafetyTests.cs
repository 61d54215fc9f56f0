using Cdx.ExecPolicy.Safety;

namespace Cdx.ExecPolicy.Tests;

public sealed class CommandSafetyTests
{
    [Theory]
    [InlineData("ls")]
    [InlineData("cat README.md")]
    [InlineData("/bin/ls -la")]
    [InlineData("grep -R x -n")]
    [InlineData("base64 file")]
    [InlineData("find . -name file.txt")]
    [InlineData("rg Cargo.toml -n")]
    [InlineData("sed -n 1,5p file.txt")]
    [InlineData("sed -n 10p")]
    [InlineData("nl -nrz Cargo.toml")]
    [InlineData("numfmt 1000")]
    [InlineData("tac Cargo.toml")]
    public void Known_safe_programs_are_safe(string command)
    {
        Assert.True(KnownSafeCommands.IsKnownSafe(command.Split(' ')));
    }

    [Theory]
    [InlineData("cargo check")]
    [InlineData("git status")]
    [InlineData("git fetch")]
    [InlineData("find . -delete")]
    [InlineData("find . -name x -exec rm {} ;")]
    [InlineData("find . -fprint /etc/passwd")]
    [InlineData("base64 -o out.bin")]
    [InlineData("base64 --output=out.bin")]
    [InlineData("base64 -ob64.txt")]
    [InlineData("rg --pre pwned files")]
    [InlineData("rg --hostname-bin=pwned files")]
    [InlineData("rg -z files")]
    [InlineData("sed -n xp file.txt")]
    [InlineData("sed -i s/a/b/ file")]
    [InlineData("sed -n 1p a b c")]
    public void Other_commands_and_unsafe_options_are_not_known_safe(string command)
    {
        Assert.False(KnownSafeCommands.IsKnownSafe(command.Split(' ')));
    }

    [Theory]
    [InlineData("bash", "ls && pwd", true)]
    [InlineData("bash", "grep -R \"Cargo.toml\" -n || true", true)]
    [InlineData("bash", "ls | wc -l", true)]
    [InlineData("bash", "echo 'hi' ; ls", true)]
    [InlineData("zsh", "ls", true)]
    [InlineData("bash", "sed -n '1,5p' file.txt", true)]
    [InlineData("bash", "git status", false)]
    [InlineData("bash", "'git status'", false)]
    [InlineData("bash", "find . -name file.txt -delete", false)]
    [InlineData("bash", "ls && rm -rf /", false)]
    [InlineData("bash", "(ls)", false)]
    [InlineData("bash", "ls > out.txt", false)]
    public void Wrapped_scripts_are_safe_only_when_every_plain_command_is(string shell, string script, bool safe)
    {
        Assert.Equal(safe, KnownSafeCommands.IsKnownSafe([shell, "-lc", script]));
    }

    [Fact]
    public void Four_item_wrapper_is_not_known_safe()
    {
        Assert.False(KnownSafeCommands.IsKnownSafe(["bash", "-lc", "git", "status"]));
    }

    [Theory]
    [InlineData("rm -rf /")]
    [InlineData("rm -f x")]
    [InlineData("/bin/rm -fr /tmp/example")]
    [InlineData("rm -r -f /tmp/example")]
    [InlineData("rm --force /tmp/example")]
    [InlineData("rm /tmp/example -f")]
    [InlineData("sudo rm -rf /tmp/example")]
    public void Forced_rm_is_dangerous(string command)
    {
        Assert.Equal(DangerousMatch.ForcedRm, DangerousCommands.Match(command.Split(' ')));
    }

    [Theory]
    [InlineData("printf x | rm -rf /tmp/example")]
    [InlineData("if test -d /tmp/example; then rm --force /tmp/example; fi")]
    [InlineData("rm -rf \"$TARGET\" >/dev/null")]
    [InlineData("for target in /tmp/a /tmp/b; do rm -r -f \"$target\"; done")]
    [InlineData("echo \"$(rm -rf /tmp/example)\"")]
    [InlineData("HOME=$(mktemp -d) node x.js; rm -rf \"$HOME\"")]
    public void Forced_rm_anywhere_in_a_wrapped_script_is_dangerous(string script)
    {
        Assert.Equal(DangerousMatch.ForcedRm, DangerousCommands.Match(["bash", "-lc", script]));
    }

    [Theory]
    [InlineData("rm|-r|/tmp/example")]
    [InlineData("rm|--|-f")]
    [InlineData("bash|-lc|echo 'rm -rf /tmp/example'")]
    [InlineData("bash|-lc|cmd=rm; $cmd -rf /tmp/example")]
    [InlineData("ls|-f")]
    public void Unforced_or_non_literal_rm_is_not_dangerous(string joined)
    {
        var argv = joined.Split('|');
        Assert.Null(DangerousCommands.Match(argv));
    }
}
