using Cdx.Testing;

namespace Cdx.Cli.Tests;

public sealed class CliBasicsTests
{
    [Fact]
    public async Task Version_prints_the_assembly_version()
    {
        var result = await CdxProcess.RunAsync(["--version"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout.Trim());
    }

    [Fact]
    public async Task Help_lists_the_debug_command()
    {
        var result = await CdxProcess.RunAsync(["--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("debug", result.Stdout);
    }

    [Fact]
    public async Task Unknown_command_fails_with_a_message_and_no_stack_trace()
    {
        var result = await CdxProcess.RunAsync(["no-such-command"]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no-such-command", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
