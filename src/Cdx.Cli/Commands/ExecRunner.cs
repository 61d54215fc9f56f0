using System.Text.Json;
using System.Text.Json.Nodes;
using Cdx.Config;
using Cdx.Config.Layers;
using Cdx.Core.Session;

namespace Cdx.Cli.Commands;

/// <summary>Runs one `cdx exec` invocation: checks, prompt, thread setup, one turn, output, exit code.</summary>
public sealed partial class ExecRunner(ExecArgs args, EffectiveConfig config, string codexHome, TextWriter stdout, TextWriter stderr)
{
    /// <summary>Exit code after Ctrl-C.</summary>
    public const int InterruptedExitCode = 130;

    private readonly ExecArgs args = args;
    private readonly EffectiveConfig config = config;
    private readonly string codexHome = codexHome;
    private readonly TextWriter stdout = stdout;
    private readonly TextWriter stderr = stderr;

    private string Cwd => config.Options.Cwd;

    /// <summary>Runs the command; returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        CheckStrictConfig();
        CheckTrustedDirectory();
        var prompt = await ExecPrompt.ResolveAsync(args.Prompt, !Console.IsInputRedirected, Console.In, stderr, ct);
        var input = ExecImages.Input(prompt, args.Images, Cwd);
        var schema = LoadOutputSchema();
        var telemetry = OpenTelemetry();
        await using var setup = await ExecSetup.CreateAsync(this, schema, telemetry, ct);
        try
        {
            return await RunTurnAsync(setup, input, prompt, ct);
        }
        finally
        {
            // Exit flush: only what the turn-end flush did not already try (a failed or aborted turn).
            await FlushTelemetryAsync(setup.Telemetry);
        }
    }

    private async Task<int> RunTurnAsync(ExecSetup setup, UserInput input, string prompt, CancellationToken ct)
    {
        var thread = setup.Thread;

        PrintNotices(setup);
        if (setup.HumanSink is { } human)
        {
            human.Header(setup.HeaderFields, prompt);
        }
        thread.AnnounceStart();
        foreach (var warning in setup.ItemWarnings)
        {
            thread.Warn(warning);
        }
        RecordStartFacts(setup.Telemetry, setup.ItemWarnings);

        using var interrupts = new InterruptWatcher();
        using var turnCts = CancellationTokenSource.CreateLinkedTokenSource(ct, interrupts.FirstInterrupt);
        var outcome = await thread.RunTurnAsync(input, turnCts.Token);
        if (outcome.Status != TurnStatus.Aborted)
        {
            await FlushTelemetryAsync(setup.Telemetry);
        }
        if (outcome.Status == TurnStatus.Aborted)
        {
            await stderr.WriteLineAsync("cdx: turn interrupted.");
            return InterruptedExitCode;
        }
        await WriteLastMessageAsync(outcome.LastAgentMessage, ct);
        if (!args.Json && outcome.Status == TurnStatus.Completed && outcome.LastAgentMessage is { } last)
        {
            await stdout.WriteLineAsync(last);
            await stdout.FlushAsync(ct);
        }
        return outcome.Status == TurnStatus.Completed ? 0 : 1;
    }

    private void CheckStrictConfig()
    {
        if (!args.StrictConfig)
        {
            return;
        }
        var unknown = config.Notices.FirstOrDefault(n => n.StartsWith("Unknown configuration key", StringComparison.Ordinal));
        if (unknown is not null)
        {
            throw new UserFacingException($"cdx exec: --strict-config: {unknown}", 1);
        }
    }

    private void CheckTrustedDirectory()
    {
        if (args.SkipGitRepoCheck || config.Trust.Level == TrustLevel.Trusted || InsideGitRepo(Cwd))
        {
            return;
        }
        throw new UserFacingException("Not inside a trusted directory and --skip-git-repo-check was not specified.", 1);
    }

    private static bool InsideGitRepo(string dir)
    {
        for (var d = new DirectoryInfo(dir); d is not null; d = d.Parent)
        {
            if (Path.Exists(Path.Combine(d.FullName, ".git")))
            {
                return true;
            }
        }
        return false;
    }

    private JsonObject? LoadOutputSchema()
    {
        if (args.OutputSchema is not { } file)
        {
            return null;
        }
        var path = Path.GetFullPath(file, Environment.CurrentDirectory);
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new UserFacingException($"cdx exec: --output-schema {file}: the schema must be a JSON object.", 1);
        }
        catch (IOException ex)
        {
            throw new UserFacingException($"cdx exec: --output-schema {file}: cannot read the file ({ex.Message}).", 1);
        }
        catch (JsonException ex)
        {
            throw new UserFacingException($"cdx exec: --output-schema {file}: not valid JSON ({ex.Message}); fix the schema file.", 1);
        }
    }

    private void PrintNotices(ExecSetup setup)
    {
        foreach (var notice in setup.StderrWarnings)
        {
            stderr.WriteLine($"warning: {notice}");
        }
        stderr.Flush();
    }

    private async Task WriteLastMessageAsync(string? message, CancellationToken ct)
    {
        if (args.OutputLastMessage is not { } file)
        {
            return;
        }
        var path = Path.GetFullPath(file, Environment.CurrentDirectory);
        try
        {
            await File.WriteAllTextAsync(path, message ?? "", ct);
        }
        catch (IOException ex)
        {
            await stderr.WriteLineAsync($"cdx exec: -o {file}: cannot write the last message ({ex.Message}).");
            return;
        }
        if (message is null)
        {
            await stderr.WriteLineAsync($"Warning: no last agent message; wrote empty content to {file}");
        }
    }
}
