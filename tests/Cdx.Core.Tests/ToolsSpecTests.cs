using System.Text.Json.Nodes;
using Cdx.Config.Model;
using Cdx.Core.Tools;

namespace Cdx.Core.Tests;

public sealed class ToolsSpecTests
{
    private static JsonArray Expected() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "tools-codex-0.169.json")))!.AsArray();

    private static JsonNode ExpectedNamed(string name) =>
        Expected().First(t => (string?)t!["name"] == name || ((string?)t["type"] == name && t["name"] is null))!;

    [Theory]
    [InlineData("exec_command")]
    [InlineData("write_stdin")]
    [InlineData("apply_patch")]
    [InlineData("view_image")]
    public void Responses_tool_specs_are_byte_identical_to_codex_0169(string name)
    {
        using var ws = new Workspace();
        var rt = ws.Runtime();
        var spec = rt.ToolSpecs.Single(s => (string?)s["name"] == name);
        Assert.Equal(ExpectedNamed(name).ToJsonString(), spec.ToJsonString());
    }

    [Fact]
    public void Default_tool_set_is_unified_exec_with_freeform_patch_plan_and_image()
    {
        using var ws = new Workspace();
        var names = ws.Runtime().ToolSpecs.Select(s => (string?)s["name"]).ToList();
        Assert.Equal(["exec_command", "write_stdin", "update_plan", "apply_patch", "view_image"], names);
        Assert.Equal("custom", (string?)ws.Runtime().ToolSpecs.Single(s => (string?)s["name"] == "apply_patch")["type"]);
    }

    [Fact]
    public void Chat_wire_api_gets_argv_shell_and_json_apply_patch()
    {
        using var ws = new Workspace();
        var specs = ws.Runtime(tweak: o => o with { WireApi = ToolWireApi.Chat }).ToolSpecs;
        Assert.Equal(["shell", "update_plan", "apply_patch", "view_image"], specs.Select(s => (string?)s["name"]));
        var patch = specs.Single(s => (string?)s["name"] == "apply_patch");
        Assert.Equal("function", (string?)patch["type"]);
        Assert.Equal("""["input"]""", patch["parameters"]!["required"]!.ToJsonString());
        Assert.Equal(false, (bool?)specs[0]["strict"]);
        Assert.Equal(false, (bool?)specs[0]["parameters"]!["additionalProperties"]);
    }

    [Fact]
    public void Web_search_follows_the_mode()
    {
        using var ws = new Workspace();
        Assert.DoesNotContain(ws.Runtime().ToolSpecs, s => (string?)s["type"] == "web_search");
        var cached = ws.Runtime(tweak: o => o with { WebSearch = WebSearchMode.Cached }).ToolSpecs.Last();
        Assert.Equal(ExpectedNamed("web_search").ToJsonString(), cached.ToJsonString());
        var live = ws.Runtime(tweak: o => o with { WebSearch = WebSearchMode.Live }).ToolSpecs.Last();
        Assert.Equal(true, (bool?)live["external_web_access"]);
    }

    [Fact]
    public void Login_parameter_is_absent_when_login_shells_are_disallowed()
    {
        using var ws = new Workspace();
        var exec = ws.Runtime(tweak: o => o with { AllowLoginShell = false }).ToolSpecs[0];
        Assert.Null(exec["parameters"]!["properties"]!["login"]);
        Assert.NotNull(exec["parameters"]!["properties"]!["yield_time_ms"]);
    }

    [Fact]
    public void Update_plan_spec_has_the_plan_item_schema()
    {
        using var ws = new Workspace();
        var plan = ws.Runtime().ToolSpecs.Single(s => (string?)s["name"] == "update_plan");
        Assert.Equal("""["step","status"]""", plan["parameters"]!["properties"]!["plan"]!["items"]!["required"]!.ToJsonString());
    }
}
