using System.Diagnostics;
using System.Text.Json.Nodes;
using Cdx.Testing;

namespace Cdx.Cli.Tests;

/// <summary>A scratch CODEX_HOME (mock provider at a scripted server) and a git work directory.</summary>
internal sealed class ExecWorld : IDisposable
{
    public ExecWorld(string baseUrl, string providerExtra = "")
    {
        Root = Directory.CreateTempSubdirectory("cdx-exec-").FullName;
        Home = Path.Combine(Root, "home");
        Work = Path.Combine(Root, "work");
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Path.Combine(Work, ".git"));
        File.WriteAllText(Path.Combine(Work, ".git", "HEAD"), "ref: refs/heads/main\n");
        // The shape run_scenario.py generates for Codex-compatible harnesses, with fast retries.
        File.WriteAllText(Path.Combine(Home, "config.toml"), $"""
            model_provider = "mock"
            model = "gpt-5.5"
            web_search = "disabled"

            [model_providers.mock]
            name = "mock"
            base_url = "{baseUrl}"
            wire_api = "responses"
            env_key = "MOCK_API_KEY"
            request_max_retries = 0
            stream_max_retries = 0
            {providerExtra}
            """);
    }

    public string Root { get; }

    /// <summary>Adds top-level keys to config.toml (before the provider table).</summary>
    public void AddTopLevelConfig(string toml)
    {
        var path = Path.Combine(Home, "config.toml");
        File.WriteAllText(path, toml + "\n" + File.ReadAllText(path));
    }

    public string Home { get; }

    public string Work { get; }

    public Dictionary<string, string?> Env => new()
    {
        ["CODEX_HOME"] = Home,
        ["MOCK_API_KEY"] = "test-key",
        ["OPENAI_API_KEY"] = null,
        ["CDX_SYSTEM_CONFIG_DIR"] = Path.Combine(Root, "etc"),
    };

    public Task<ProcessResult> ExecAsync(params string[] args) => ExecWithStdinAsync(null, args);

    public Task<ProcessResult> ExecWithStdinAsync(string? stdin, params string[] args) =>
        CdxProcess.RunAsync(["exec", "--skip-git-repo-check", "-C", Work, .. args], stdin: stdin ?? "", workingDirectory: Work, environment: Env);

    /// <summary>Starts `cdx exec` without waiting, for signal tests.</summary>
    public Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo(RepoPaths.CdxWrapper)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false, WorkingDirectory = Work,
        };
        foreach (var a in (string[])["exec", "--skip-git-repo-check", "-C", Work, .. args])
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var (k, v) in Env)
        {
            if (v is null)
            {
                psi.Environment.Remove(k);
            }
            else
            {
                psi.Environment[k] = v;
            }
        }
        var p = Process.Start(psi)!;
        p.StandardInput.Close();
        return p;
    }

    public string[] RolloutFiles() => Directory.Exists(Path.Combine(Home, "sessions"))
        ? Directory.GetFiles(Path.Combine(Home, "sessions"), "rollout-*.jsonl", SearchOption.AllDirectories)
        : [];

    public static List<JsonObject> Events(string stdout) => stdout
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(l => JsonNode.Parse(l)!.AsObject())
        .ToList();

    /// <summary>`type` plus, for item events, `item.type` and `item.status`: the sequence Codex prints.</summary>
    public static List<string> Shape(string stdout) => Events(stdout).Select(e =>
    {
        var type = e["type"]!.GetValue<string>();
        return e["item"] is JsonObject item
            ? $"{type}:{item["type"]}{(item["status"] is { } s ? ":" + s : "")}"
            : type;
    }).ToList();

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
