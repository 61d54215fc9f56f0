using System.CommandLine;

namespace Cdx.Cli.Commands;

/// <summary>The `cdx exec` flags (spec exec-mode.md §1); recursive so `exec resume` accepts them too.</summary>
public sealed class ExecOptions
{
    /// <summary>Config flags shared with other commands (-c, -p, --enable, --disable, -C, -m, -s, --oss, --local-provider).</summary>
    public required ConfigOptions Config { get; init; }

    /// <summary>`-i/--image FILE...`.</summary>
    public Option<string[]> Images { get; } = new("--image", "-i")
    {
        Description = "Images to attach to the first message (comma or space separated).",
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.ZeroOrMore,
        Recursive = true,
    };

    /// <summary>`--dangerously-bypass-approvals-and-sandbox` / `--yolo`.</summary>
    public Option<bool> Yolo { get; } = new("--dangerously-bypass-approvals-and-sandbox", "--yolo")
    {
        Description = "Run every command without sandbox or approvals. Only for environments that are already isolated.",
        Recursive = true,
    };

    /// <summary>`--full-auto` (older scripts): workspace-write.</summary>
    public Option<bool> FullAuto { get; } = new("--full-auto") { Description = "Sandbox workspace-write (accepted for older scripts).", Recursive = true };

    /// <summary>`--add-dir DIR` (repeatable).</summary>
    public Option<string[]> AddDir { get; } = new("--add-dir") { Description = "Extra writable directory (workspace-write).", Arity = ArgumentArity.ZeroOrMore, Recursive = true };

    /// <summary>`--skip-git-repo-check`.</summary>
    public Option<bool> SkipGitRepoCheck { get; } = new("--skip-git-repo-check") { Description = "Allow running outside a git repository or trusted directory.", Recursive = true };

    /// <summary>`--ephemeral`.</summary>
    public Option<bool> Ephemeral { get; } = new("--ephemeral") { Description = "Write no session file.", Recursive = true };

    /// <summary>`--ignore-user-config`.</summary>
    public Option<bool> IgnoreUserConfig { get; } = new("--ignore-user-config") { Description = "Don't load $CODEX_HOME/config.toml (auth is still read).", Recursive = true };

    /// <summary>`--ignore-rules`.</summary>
    public Option<bool> IgnoreRules { get; } = new("--ignore-rules") { Description = "Don't load execpolicy .rules files.", Recursive = true };

    /// <summary>`--strict-config`.</summary>
    public Option<bool> StrictConfig { get; } = new("--strict-config") { Description = "Fail on unknown config keys.", Recursive = true };

    /// <summary>`--output-schema FILE`.</summary>
    public Option<string?> OutputSchema { get; } = new("--output-schema") { Description = "JSON Schema file the final answer must follow.", Recursive = true };

    /// <summary>`--color`.</summary>
    public Option<string> Color { get; } = new("--color") { Description = "always, never or auto.", DefaultValueFactory = _ => "auto", Recursive = true };

    /// <summary>`--json` / `--experimental-json`.</summary>
    public Option<bool> Json { get; } = new("--json", "--experimental-json") { Description = "Print JSONL events on stdout.", Recursive = true };

    /// <summary>`-o/--output-last-message FILE`.</summary>
    public Option<string?> OutputLastMessage { get; } = new("--output-last-message", "-o") { Description = "Write the final agent message to FILE.", Recursive = true };

    /// <summary>Flags of newer Codex builds accepted and ignored (telemetry, hooks, programs).</summary>
    public IReadOnlyList<Option> Ignored { get; } =
    [
        new Option<string?>("--thread-source") { Hidden = true, Recursive = true },
        new Option<string?>("--cyber-access-program") { Hidden = true, Recursive = true },
        new Option<bool>("--dangerously-bypass-hook-trust") { Hidden = true, Recursive = true },
    ];

    /// <summary>Creates the options and adds them to <paramref name="command"/>.</summary>
    public static ExecOptions AddTo(Command command)
    {
        var config = ConfigOptions.AddTo(command, dedicatedFlags: true);
        foreach (var o in new Option[] { config.Config, config.Profile, config.Enable, config.Disable, config.Cd, config.Model, config.Sandbox, config.Oss, config.LocalProvider })
        {
            o.Recursive = true;
        }
        // exec always runs with approval `never`; -a and --search are top-level flags in Codex.
        command.Options.Remove(config.Approval);
        command.Options.Remove(config.Search);
        var x = new ExecOptions { Config = config };
        foreach (var o in new Option[]
                 {
                     x.Images, x.Yolo, x.FullAuto, x.AddDir, x.SkipGitRepoCheck, x.Ephemeral,
                     x.IgnoreUserConfig, x.IgnoreRules, x.StrictConfig, x.OutputSchema, x.Color, x.Json, x.OutputLastMessage,
                 })
        {
            command.Options.Add(o);
        }
        foreach (var o in x.Ignored)
        {
            command.Options.Add(o);
        }
        return x;
    }
}
