using Cdx.Core.Tools;
using Cdx.Protocol.Items;

namespace Cdx.Core.Tests;

public sealed class ToolsPlanImageTests
{
    [Fact]
    public async Task Update_plan_reports_the_steps_and_answers_plan_updated()
    {
        using var ws = new Workspace();
        await using var rt = ws.Runtime();
        var events = new RecordingEvents();
        var text = await rt.TextAsync(Calls.Fn("update_plan", """{"explanation":"why","plan":[{"step":"one","status":"completed"},{"step":"two","status":"in_progress"}]}"""), events);
        Assert.Equal("Plan updated", text);
        var plan = Assert.Single(events.Plans);
        Assert.Equal("why", plan.Explanation);
        Assert.Equal([new PlanStep("one", PlanStepStatus.Completed), new PlanStep("two", PlanStepStatus.InProgress)], plan.Steps);
    }

    [Fact]
    public async Task Update_plan_with_an_unknown_status_is_a_parse_failure_without_event()
    {
        using var ws = new Workspace();
        await using var rt = ws.Runtime();
        var events = new RecordingEvents();
        var text = await rt.TextAsync(Calls.Fn("update_plan", """{"plan":[{"step":"one","status":"done"}]}"""), events);
        Assert.StartsWith("failed to parse function arguments: unknown variant `done`", text);
        Assert.Empty(events.Plans);
    }

    [Fact]
    public async Task View_image_returns_an_input_image_array_with_a_data_url()
    {
        using var ws = new Workspace();
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        File.WriteAllBytes(ws.PathOf("pic.png"), png);
        await using var rt = ws.Runtime();
        var item = await rt.ExecuteAsync(Calls.Fn("view_image", """{"path":"pic.png"}"""), new RecordingEvents(), CancellationToken.None);
        var content = Assert.IsType<FunctionCallOutputItem>(item).Output.Content;
        var image = Assert.IsType<InputImageContent>(Assert.Single(content!));
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(png), image.ImageUrl);
        Assert.Equal("original", image.Detail);
    }

    [Fact]
    public async Task View_image_of_a_missing_file_names_the_absolute_path()
    {
        using var ws = new Workspace();
        await using var rt = ws.Runtime();
        Assert.Equal($"unable to locate image at `{ws.PathOf("missing.png")}`: No such file or directory (os error 2)",
            await rt.TextAsync(Calls.Fn("view_image", """{"path":"missing.png"}""")));
    }
}
