using Cdx.Config.Model;
using Cdx.Core.Context;
using Cdx.Core.Tools;
using Cdx.Protocol.Items;

namespace Cdx.Cli.Commands;

/// <summary>
/// The initial context of a new exec thread (spec model-protocol.md §3.1), fed from the effective
/// config; all calls into Cdx.Core.Context live here.
/// </summary>
internal sealed record ExecContext(IReadOnlyList<ResponseItem> Items, string? AgentsMdText, IReadOnlyList<string> Warnings)
{
    /// <summary>Builds the items; AGENTS.md read problems become warnings, an unreadable instructions file an error.</summary>
    public static ExecContext Build(CdxConfig cfg, ToolRuntimeOptions tools, string codexHome)
    {
        var agents = new AgentsMdOptions
        {
            CodexHome = codexHome,
            ProjectDocMaxBytes = cfg.ProjectDocMaxBytes,
            FallbackFilenames = cfg.ProjectDocFallbackFilenames,
            RootMarkers = cfg.ProjectRootMarkers,
        };
        var warnings = new List<string>();
        var items = InitialContext.Build(new InitialContextOptions
        {
            Cwd = tools.Cwd,
            Sandbox = tools.Sandbox,
            Approval = tools.Approval,
            AgentsMd = agents,
            BaseInstructionsOverride = ReadInstructionsFile(cfg.ModelInstructionsFile),
            DeveloperInstructions = cfg.DeveloperInstructions,
            Shell = tools.UserShell,
            Warn = warnings.Add,
        });
        // session_meta.instructions records the AGENTS.md text the thread started with.
        var text = AgentsMd.Load(tools.Cwd, agents).Text;
        return new ExecContext(items, text, warnings);
    }

    private static string? ReadInstructionsFile(string? path)
    {
        if (path is null)
        {
            return null;
        }
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingException($"model_instructions_file {path}: cannot read the file ({ex.Message}); fix the path in config.toml.", 1);
        }
    }
}
