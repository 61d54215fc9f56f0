using System.Text.Json.Nodes;
using Cdx.Config;
using Cdx.Config.Model;
using Cdx.Core.Tools;
using Cdx.Sandbox;
using SandboxMode = Cdx.Sandbox.SandboxMode;

namespace Cdx.Cli.Commands;

/// <summary>Request and display settings exec derives from config and the model slug.</summary>
internal static class ExecDefaults
{
    /// <summary>Model when neither `-m` nor config names one.</summary>
    public const string Model = "gpt-5.5";

    // gpt-5 family models reason and take a verbosity; others get Codex's generic defaults.
    private static bool IsGpt5(string model) => model.StartsWith("gpt-5", StringComparison.Ordinal);

    /// <summary>The `reasoning` request object (spec model-protocol.md §2), or null.</summary>
    public static JsonObject? Reasoning(CdxConfig cfg, string model)
    {
        var o = new JsonObject();
        if (cfg.ModelReasoningEffort is { } effort)
        {
            o["effort"] = effort;
        }
        else if (IsGpt5(model))
        {
            o["effort"] = "medium";
        }
        var summary = cfg.ModelReasoningSummary;
        if (summary != "none" && (!IsGpt5(model) || summary != "auto"))
        {
            o["summary"] = summary;
        }
        return o.Count == 0 ? null : o;
    }

    /// <summary>The `text` request object: verbosity and the `--output-schema` format.</summary>
    public static JsonObject? Text(CdxConfig cfg, string model, JsonObject? schema)
    {
        var o = new JsonObject();
        if (cfg.ModelVerbosity is { } verbosity)
        {
            o["verbosity"] = verbosity;
        }
        else if (IsGpt5(model))
        {
            o["verbosity"] = "low";
        }
        if (schema is not null)
        {
            o["format"] = new JsonObject
            {
                ["type"] = "json_schema",
                ["strict"] = true,
                ["schema"] = schema.DeepClone(),
                ["name"] = "codex_output_schema",
            };
        }
        return o.Count == 0 ? null : o;
    }

    /// <summary>`sandbox_policy` as recorded in `turn_context`.</summary>
    public static JsonObject SandboxPolicyJson(SandboxPolicy p, string cwd) => p.Mode switch
    {
        SandboxMode.ReadOnly => new JsonObject { ["type"] = "read-only" },
        SandboxMode.WorkspaceWrite => new JsonObject
        {
            ["type"] = "workspace-write",
            ["writable_roots"] = new JsonArray([.. p.WritableRoots.Concat(p.AdditionalDirectories).Select(r => (JsonNode)JsonValue.Create(r)!)]),
            ["network_access"] = p.NetworkAccess,
            ["exclude_tmpdir_env_var"] = p.ExcludeTmpdirEnvVar,
            ["exclude_slash_tmp"] = p.ExcludeSlashTmp,
        },
        _ => new JsonObject { ["type"] = "danger-full-access" },
    };

    /// <summary>The header's sandbox line: `read-only`, `workspace-write [workdir, /tmp, $TMPDIR]`, ...</summary>
    public static string SandboxSummary(SandboxPolicy p) => p.Mode switch
    {
        SandboxMode.ReadOnly => "read-only",
        SandboxMode.WorkspaceWrite => "workspace-write [" + string.Join(", ",
            new[] { "workdir" }
                .Concat(p.ExcludeSlashTmp ? [] : ["/tmp"])
                .Concat(p.ExcludeTmpdirEnvVar ? [] : ["$TMPDIR"])
                .Concat(p.WritableRoots).Concat(p.AdditionalDirectories)) + "]",
        _ => "danger-full-access",
    };

    /// <summary>`--color`: always, never, or auto (stderr is a terminal and NO_COLOR unset).</summary>
    public static bool UseColor(string mode) => mode switch
    {
        "always" => true,
        "never" => false,
        _ => !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
    };
}
