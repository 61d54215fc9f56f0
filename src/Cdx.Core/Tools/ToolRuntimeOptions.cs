using Cdx.Config.Model;
using Cdx.Core.Approvals;
using Cdx.ExecPolicy.Rules;
using Cdx.Sandbox;
using ConfigSandboxMode = Cdx.Config.Model.SandboxMode;
using SandboxMode = Cdx.Sandbox.SandboxMode;

namespace Cdx.Core.Tools;

/// <summary>Everything a <see cref="ToolRuntime"/> needs: where, under which policies, which tools, who approves.</summary>
public sealed record ToolRuntimeOptions
{
    /// <summary>The turn's absolute working directory.</summary>
    public required string Cwd { get; init; }

    /// <summary>The sandbox for model commands.</summary>
    public required SandboxPolicy Sandbox { get; init; }

    /// <summary>The approval policy (exec forces never, after the requirements fallback).</summary>
    public required ApprovalPolicy Approval { get; init; }

    /// <summary>`.rules` + requirements `[rules]`, see <see cref="CommandRulesLoader"/>.</summary>
    public Policy Rules { get; init; } = Policy.Empty;

    /// <summary>`[shell_environment_policy]`.</summary>
    public EnvironmentPolicy Environment { get; init; } = EnvironmentPolicy.Default;

    /// <summary>Parent environment for commands; null means this process's.</summary>
    public IReadOnlyDictionary<string, string>? BaseEnvironment { get; init; }

    /// <summary>`allow_login_shell`: offer `login` and default to `-lc`.</summary>
    public bool AllowLoginShell { get; init; } = true;

    /// <summary>`web_search` mode: disabled removes the hosted tool, cached/live set `external_web_access`.</summary>
    public WebSearchMode WebSearch { get; init; } = WebSearchMode.Disabled;

    /// <summary>The provider's wire API (chat cannot carry freeform tools).</summary>
    public ToolWireApi WireApi { get; init; } = ToolWireApi.Responses;

    /// <summary>Shell tool family; null picks unified exec for Responses and `shell` for Chat.</summary>
    public ShellToolKind? ShellTool { get; init; }

    /// <summary>Whether the model accepts images (offers `view_image`).</summary>
    public bool SupportsImages { get; init; } = true;

    /// <summary>Offer the `apply_patch` tool (the shell heredoc form is recognised either way).</summary>
    public bool OfferApplyPatch { get; init; } = true;

    /// <summary>Offer `update_plan`.</summary>
    public bool OfferUpdatePlan { get; init; } = true;

    /// <summary>The user's shell for `exec_command`; null uses `$SHELL` when it is bash/zsh/sh, else `/bin/bash`.</summary>
    public string? UserShell { get; init; }

    /// <summary>Who answers approval requests (exec: nobody).</summary>
    public IApprovalHandler ApprovalHandler { get; init; } = NonInteractiveApprovalHandler.Instance;

    /// <summary>The effective shell tool family.</summary>
    public ShellToolKind EffectiveShellTool => ShellTool ?? (WireApi == ToolWireApi.Chat ? ShellToolKind.Shell : ShellToolKind.UnifiedExec);

    /// <summary>
    /// Options from the typed config: sandbox mode and `[sandbox_workspace_write]` (+ `--add-dir`),
    /// approval policy, environment policy, login shell and web search.
    /// </summary>
    public static ToolRuntimeOptions FromConfig(CdxConfig config, string cwd, Policy rules, IReadOnlyList<string>? addDirs = null) => new()
    {
        Cwd = cwd,
        Sandbox = new SandboxPolicy
        {
            Mode = config.SandboxMode switch
            {
                ConfigSandboxMode.ReadOnly => SandboxMode.ReadOnly,
                ConfigSandboxMode.WorkspaceWrite => SandboxMode.WorkspaceWrite,
                _ => SandboxMode.DangerFullAccess,
            },
            WritableRoots = config.SandboxWorkspaceWrite.WritableRoots,
            AdditionalDirectories = addDirs ?? [],
            NetworkAccess = config.SandboxWorkspaceWrite.NetworkAccess,
            ExcludeTmpdirEnvVar = config.SandboxWorkspaceWrite.ExcludeTmpdirEnvVar,
            ExcludeSlashTmp = config.SandboxWorkspaceWrite.ExcludeSlashTmp,
        },
        Approval = config.ApprovalPolicy,
        Rules = rules,
        Environment = new EnvironmentPolicy
        {
            Inherit = config.ShellEnvironmentPolicy.Inherit switch
            {
                Cdx.Config.Model.EnvironmentInherit.Core => Cdx.Sandbox.EnvironmentInherit.Core,
                Cdx.Config.Model.EnvironmentInherit.None => Cdx.Sandbox.EnvironmentInherit.None,
                _ => Cdx.Sandbox.EnvironmentInherit.All,
            },
            IgnoreDefaultExcludes = config.ShellEnvironmentPolicy.IgnoreDefaultExcludes,
            Exclude = config.ShellEnvironmentPolicy.Exclude,
            Set = config.ShellEnvironmentPolicy.Set,
            IncludeOnly = config.ShellEnvironmentPolicy.IncludeOnly,
        },
        AllowLoginShell = config.AllowLoginShell,
        WebSearch = config.WebSearch,
    };
}
