using System.CommandLine;
using Cdx.Sandbox;

namespace Cdx.Cli.Commands;

/// <summary>`cdx sandbox [-s MODE | --full-auto] [-c key=value] [-C DIR] [--add-dir DIR] [--] COMMAND...`.</summary>
public static class SandboxCommand
{
    /// <summary>Creates the `sandbox` command.</summary>
    public static Command Create()
    {
        var cmd = new Command("sandbox", "Run COMMAND under the sandbox cdx would use for model commands; its exit status is returned.")
        {
            // Everything after the first non-option word is the command, as with Codex (`cdx sandbox ls -la`).
            TreatUnmatchedTokensAsErrors = false,
        };
        cmd.Options.Add(new Option<string>("--sandbox", "-s") { Description = "Sandbox mode: read-only, workspace-write or danger-full-access." });
        cmd.Options.Add(new Option<bool>("--full-auto") { Description = "Shorthand for -s workspace-write." });
        cmd.Options.Add(new Option<string[]>("--config", "-c") { Description = "Override a config value (key=value, value in TOML)." });
        cmd.Options.Add(new Option<string>("--cd", "-C") { Description = "Working directory (first writable root)." });
        cmd.Options.Add(new Option<string[]>("--add-dir") { Description = "Additional writable directory (repeatable)." });
        cmd.Arguments.Add(new Argument<string[]>("command") { Arity = ArgumentArity.ZeroOrMore, Description = "The command and its arguments." });
        cmd.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            var tokens = pr.Tokens.Select(t => t.Value).ToList();
            var start = tokens.IndexOf("sandbox");
            var invocation = SandboxInvocation.Parse(tokens.Skip(start + 1).ToList(), Environment.CurrentDirectory);
            try
            {
                return await SandboxedProcessRunner.RunAttachedAsync(invocation, ct);
            }
            catch (SandboxException ex)
            {
                throw new UserFacingException($"cdx sandbox: {ex.Message}", 1, ex);
            }
        });
        return cmd;
    }
}
