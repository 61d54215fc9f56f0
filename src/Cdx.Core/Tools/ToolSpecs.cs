using System.Text.Json.Nodes;
using Cdx.Config.Model;
using WebSearchMode = Cdx.Config.Model.WebSearchMode;

namespace Cdx.Core.Tools;

/// <summary>
/// The tool specs cdx sends, with Codex 0.169's exact schemas (bench/tools-codex-0.169.json, spec
/// tools.md): key order type, name, description, strict, parameters; properties alphabetical.
/// Tool set decision: the shell family from the wire API (Responses: exec_command + write_stdin;
/// Chat: shell), apply_patch freeform on Responses and JSON on Chat, update_plan always,
/// view_image when the model takes images, web_search unless disabled.
/// </summary>
public static partial class ToolSpecs
{
    /// <summary>The specs for <paramref name="o"/>, in the order they are sent.</summary>
    public static IReadOnlyList<JsonObject> Build(ToolRuntimeOptions o)
    {
        var specs = new List<JsonObject>();
        if (o.EffectiveShellTool == ShellToolKind.UnifiedExec)
        {
            specs.Add(ExecCommand(o.AllowLoginShell));
            specs.Add(WriteStdin());
        }
        else
        {
            specs.Add(Shell());
        }
        if (o.OfferUpdatePlan)
        {
            specs.Add(UpdatePlan());
        }
        if (o.OfferApplyPatch)
        {
            specs.Add(o.WireApi == ToolWireApi.Responses ? ApplyPatchFreeform() : ApplyPatchFunction());
        }
        if (o.SupportsImages)
        {
            specs.Add(ViewImage());
        }
        if (o.WebSearch != WebSearchMode.Disabled)
        {
            specs.Add(WebSearch(o.WebSearch == WebSearchMode.Live));
        }
        return specs;
    }

    /// <summary>`exec_command`; `login` only when login shells are allowed.</summary>
    public static JsonObject ExecCommand(bool allowLogin)
    {
        var props = new JsonObject
        {
            ["cmd"] = Prop("string", "Shell command to execute."),
            ["justification"] = Prop("string", "User-facing approval question for `require_escalated`; omit otherwise."),
        };
        if (allowLogin)
        {
            props["login"] = Prop("boolean", "True runs the shell with -l/-i semantics; false disables them. Defaults to true.");
        }
        props["max_output_tokens"] = Prop("number", MaxOutputTokensText);
        props["prefix_rule"] = StringArray("Reusable approval prefix for `cmd`, only with `sandbox_permissions: \"require_escalated\"`; for example [\"git\", \"pull\"].");
        var sandbox = Prop("string", "Per-command sandbox override. Defaults to `use_default`; use `require_escalated` for unsandboxed execution.");
        sandbox["enum"] = new JsonArray("use_default", "require_escalated");
        props["sandbox_permissions"] = sandbox;
        props["shell"] = Prop("string", "Shell binary to launch. Defaults to the user's default shell.");
        props["tty"] = Prop("boolean", "True allocates a PTY for the command; false or omitted uses plain pipes.");
        props["workdir"] = Prop("string", "Working directory for the command. Defaults to the turn cwd.");
        props["yield_time_ms"] = Prop("number", "Wait before yielding output. Defaults to 10000 ms; effective range is 250-30000 ms.");
        return Function("exec_command", "Runs a command in a PTY, returning output or a session ID for ongoing interaction.", props, "cmd");
    }

    /// <summary>`write_stdin`.</summary>
    public static JsonObject WriteStdin() => Function(
        "write_stdin",
        "Writes characters to an existing unified exec session and returns recent output.",
        new JsonObject
        {
            ["chars"] = Prop("string", "Bytes to write to stdin. Defaults to empty, which polls without writing."),
            ["max_output_tokens"] = Prop("number", MaxOutputTokensText),
            ["session_id"] = Prop("number", "Identifier of the running unified exec session."),
            ["yield_time_ms"] = Prop("number", "Wait before yielding output. Non-empty writes default to 250 ms and cap at 30000 ms; empty polls wait 5000-300000 ms by default."),
        },
        "session_id");

    /// <summary>The classic argv `shell` tool.</summary>
    public static JsonObject Shell()
    {
        var command = StringArray("The command to execute");
        return Function(
            "shell",
            "Runs a shell command and returns its output.\n- The arguments to `shell` will be passed to execvp(). Most terminal commands should be prefixed with [\"bash\", \"-lc\"].\n- Always set the `workdir` param when using the shell function. Do not use `cd` unless absolutely necessary.",
            new JsonObject
            {
                ["command"] = command,
                ["justification"] = Prop("string", "Only set if sandbox_permissions is \"require_escalated\". A short question for the user asking whether to run this command without the sandbox."),
                ["prefix_rule"] = StringArray("Only specify when sandbox_permissions is `require_escalated`. A reusable command prefix the user may approve for future runs."),
                ["sandbox_permissions"] = Prop("string", "Sandbox permissions for the command. Set to \"require_escalated\" to request running without sandbox restrictions; defaults to \"use_default\"."),
                ["timeout_ms"] = Prop("number", "The timeout for the command in milliseconds"),
                ["workdir"] = Prop("string", "The working directory to execute the command in"),
            },
            "command");
    }

    /// <summary>`update_plan`.</summary>
    public static JsonObject UpdatePlan()
    {
        var step = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["status"] = Prop("string", "One of: pending, in_progress, completed"),
                ["step"] = new JsonObject { ["type"] = "string" },
            },
            ["required"] = new JsonArray("step", "status"),
            ["additionalProperties"] = false,
        };
        return Function(
            "update_plan",
            "Updates the task plan.\nProvide an optional explanation and a list of plan items, each with a step and status.\nAt most one step can be in_progress at a time.\n",
            new JsonObject
            {
                ["explanation"] = new JsonObject { ["type"] = "string" },
                ["plan"] = new JsonObject { ["type"] = "array", ["description"] = "The list of steps", ["items"] = step },
            },
            "plan");
    }

    /// <summary>`view_image`.</summary>
    public static JsonObject ViewImage() => Function(
        "view_image",
        "View a local image file from the filesystem when visual inspection is needed. Use this for images already available on disk.",
        new JsonObject { ["path"] = Prop("string", "Local filesystem path to an image file.") },
        "path");

    /// <summary>The hosted `web_search` tool; live mode may reach the web, cached mode may not.</summary>
    public static JsonObject WebSearch(bool live) => new()
    {
        ["type"] = "web_search",
        ["external_web_access"] = live,
        ["search_content_types"] = new JsonArray("text", "image"),
    };

    private const string MaxOutputTokensText = "Output token budget. Defaults to 10000 tokens; larger requests may be capped by policy.";

    private static JsonObject Function(string name, string description, JsonObject properties, params string[] required) => new()
    {
        ["type"] = "function",
        ["name"] = name,
        ["description"] = description,
        ["strict"] = false,
        ["parameters"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray(required.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
            ["additionalProperties"] = false,
        },
    };

    private static JsonObject Prop(string type, string description) => new() { ["type"] = type, ["description"] = description };

    private static JsonObject StringArray(string description) => new()
    {
        ["type"] = "array",
        ["description"] = description,
        ["items"] = new JsonObject { ["type"] = "string" },
    };
}
