namespace Cdx.Config.Model;

/// <summary>`[shell_environment_policy]`: how the environment of model-run commands is built.</summary>
public sealed record ShellEnvironmentPolicy(
    EnvironmentInherit Inherit,
    bool IgnoreDefaultExcludes,
    IReadOnlyList<string> Exclude,
    IReadOnlyDictionary<string, string> Set,
    IReadOnlyList<string> IncludeOnly,
    bool ExperimentalUseProfile);
