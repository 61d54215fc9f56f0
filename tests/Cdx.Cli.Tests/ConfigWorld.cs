using System.Text.Json.Nodes;
using Cdx.Testing;

namespace Cdx.Cli.Tests;

/// <summary>A scratch CODEX_HOME, system directory and git project for driving `./cdx` end to end.</summary>
public sealed class ConfigWorld : IDisposable
{
    public ConfigWorld()
    {
        Root = Path.Combine(Path.GetTempPath(), "cdx-cli-config-" + Guid.NewGuid().ToString("N"));
        Home = Path.Combine(Root, "home");
        Sys = Path.Combine(Root, "sys");
        Project = Path.Combine(Root, "repo");
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Sys);
        Directory.CreateDirectory(Path.Combine(Project, ".git"));
    }

    public string Root { get; }
    public string Home { get; }
    public string Sys { get; }
    public string Project { get; }

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public Task<ProcessResult> RunAsync(params string[] args) =>
        CdxProcess.RunAsync(args, workingDirectory: Project, environment: new Dictionary<string, string?>
        {
            ["CODEX_HOME"] = Home,
            ["CDX_SYSTEM_CONFIG_DIR"] = Sys,
        });

    /// <summary>Runs `cdx debug config --json ARGS` and parses the output, failing on a non-zero exit.</summary>
    public async Task<JsonObject> DebugConfigAsync(params string[] args)
    {
        var result = await RunAsync(["debug", "config", "--json", .. args]);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        return JsonNode.Parse(result.Stdout)!.AsObject();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
