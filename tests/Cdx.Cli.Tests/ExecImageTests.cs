using Cdx.Testing;

namespace Cdx.Cli.Tests;

public sealed class ExecImageTests
{
    [Fact]
    public async Task Image_flag_wraps_each_image_in_named_image_tags_before_the_prompt()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("A red pixel."));
        using var world = new ExecWorld(server.BaseUrl);
        var png = Path.Combine(world.Work, "shot.png");
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
        File.WriteAllBytes(png, bytes);

        var r = await world.ExecAsync("--json", "describe it", "-i", "shot.png");
        Assert.True(r.ExitCode == 0, r.Stderr);

        var user = server.Requests.Single().Input.Last(i => i!["role"]?.GetValue<string>() == "user")!;
        var parts = user["content"]!.AsArray();
        Assert.Equal(4, parts.Count);
        Assert.Equal($"<image name=[Image #1] path=\"{png}\">", parts[0]!["text"]!.GetValue<string>());
        Assert.Equal("input_image", parts[1]!["type"]!.GetValue<string>());
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(bytes), parts[1]!["image_url"]!.GetValue<string>());
        Assert.Equal("</image>", parts[2]!["text"]!.GetValue<string>());
        Assert.Equal("describe it", parts[3]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_image_is_a_sentence_naming_the_path_and_no_request_is_sent()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("unused"));
        using var world = new ExecWorld(server.BaseUrl);
        var r = await world.ExecAsync("describe it", "-i", "nope.png");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(Path.Combine(world.Work, "nope.png"), r.Stderr);
        Assert.Empty(server.Requests);
    }
}
