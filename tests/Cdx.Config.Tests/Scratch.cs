using Cdx.Config;
using Cdx.Config.Requirements;

namespace Cdx.Config.Tests;

/// <summary>A throwaway world: CODEX_HOME, a system dir and a project under one temp directory.</summary>
public sealed class Scratch : IDisposable
{
    public Scratch()
    {
        Root = Path.Combine(Path.GetTempPath(), "cdx-config-" + Guid.NewGuid().ToString("N"));
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

    public string UserConfig => Path.Combine(Home, "config.toml");

    /// <summary>Writes <paramref name="text"/> to a path relative to <see cref="Root"/>; returns the absolute path.</summary>
    public string Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string User(string text) => Write("home/config.toml", text);
    public string System(string text) => Write("sys/config.toml", text);
    public string Requirements(string text) => Write("sys/requirements.toml", text);
    public string Managed(string text) => Write("sys/managed_config.toml", text);
    public string ProjectConfig(string text, string sub = "") => Write(Path.Combine("repo", sub, ".codex", "config.toml"), text);

    /// <summary>Marks <paramref name="dir"/> (default: the project root) trusted or untrusted in the user config, after <paramref name="extra"/>.</summary>
    public string TrustedUser(string extra = "", string? dir = null, string level = "trusted") =>
        User($"{extra}\n[projects.\"{dir ?? Project}\"]\ntrust_level = \"{level}\"\n");

    public ConfigLoadOptions Options(string? cwd = null) => new()
    {
        CodexHome = Home,
        SystemConfigDir = Sys,
        Cwd = cwd ?? Project,
        HostName = "dev-box.corp.example",
    };

    public Task<EffectiveConfig> LoadAsync(Func<ConfigLoadOptions, ConfigLoadOptions>? tweak = null, string? cwd = null)
    {
        var o = Options(cwd);
        return ConfigLoader.LoadAsync(tweak is null ? o : tweak(o));
    }

    public Task<EffectiveConfig> LoadAsync(params string[] overrides) =>
        LoadAsync(o => o with { Overrides = overrides });

    public async Task<ConfigException> FailAsync(Func<ConfigLoadOptions, ConfigLoadOptions>? tweak = null) =>
        await Assert.ThrowsAsync<ConfigException>(() => LoadAsync(tweak));

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

/// <summary>A cloud source returning fixed contents, standing in for the governance client.</summary>
public sealed class FixedCloud(CloudRequirementsResult result) : ICloudRequirementsSource
{
    public ValueTask<CloudRequirementsResult> LoadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(result);
}
