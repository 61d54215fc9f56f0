using System.Text.Json.Nodes;
using Cdx.Testing;

namespace Cdx.Cli.Tests;

/// <summary>The initial context of the first request (spec model-protocol.md §3.1) and AGENTS.md (agents-md.md).</summary>
public sealed class ExecContextTests
{
    private static string Role(JsonNode? item) => item!["role"]?.GetValue<string>() ?? item["type"]!.GetValue<string>();

    private static List<string> Texts(JsonNode? item) =>
        item!["content"]!.AsArray().Select(c => c!["text"]?.GetValue<string>() ?? "").ToList();

    [Fact]
    public async Task First_request_sends_base_instructions_permissions_context_then_the_prompt()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("ok"));
        using var world = new ExecWorld(server.BaseUrl);
        world.AddTopLevelConfig("developer_instructions = \"Always answer in haiku.\"");
        File.WriteAllText(Path.Combine(world.Work, "AGENTS.md"), "Use tabs.\n");
        var r = await world.ExecAsync("--json", "-s", "workspace-write", "the prompt");
        Assert.Equal(0, r.ExitCode);

        var input = server.Requests.Single().Input;
        Assert.Equal(["developer", "developer", "user", "user"], input.Select(Role).ToList());
        Assert.Contains("cdx", Texts(input[0])[0]);
        var developer = Texts(input[1]);
        Assert.Contains(developer, t => t.Contains("workspace-write", StringComparison.Ordinal));
        Assert.Equal("Always answer in haiku.", developer[^1]);
        var context = Texts(input[2]);
        Assert.Equal(2, context.Count);
        Assert.StartsWith($"# AGENTS.md instructions for {world.Work}\n\n<INSTRUCTIONS>\nUse tabs.", context[0]);
        Assert.StartsWith("<environment_context>", context[1]);
        Assert.Contains($"<cwd>{world.Work}</cwd>", context[1]);
        Assert.Equal(["the prompt"], Texts(input[3]));
    }

    [Fact]
    public async Task Without_agents_md_the_context_message_holds_only_the_environment()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("ok"));
        using var world = new ExecWorld(server.BaseUrl);
        var r = await world.ExecAsync("--json", "hi");
        Assert.Equal(0, r.ExitCode);
        var context = Texts(server.Requests.Single().Input[2]);
        Assert.Single(context);
        Assert.StartsWith("<environment_context>", context[0]);
        var meta = JsonNode.Parse(File.ReadLines(world.RolloutFiles().Single()).First())!["payload"]!;
        Assert.Null(meta["instructions"]);
    }

    [Fact]
    public async Task Agents_md_is_read_from_the_project_root_down_to_cwd_within_the_byte_limit()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("ok"));
        using var world = new ExecWorld(server.BaseUrl);
        world.AddTopLevelConfig("project_doc_max_bytes = 20");
        var sub = Path.Combine(world.Work, "pkg", "sub");
        Directory.CreateDirectory(sub);
        File.WriteAllText(Path.Combine(world.Root, "AGENTS.md"), "OUTSIDE-THE-PROJECT");
        File.WriteAllText(Path.Combine(world.Work, "AGENTS.md"), "ROOT-RULE");
        File.WriteAllText(Path.Combine(sub, "AGENTS.md"), "SUB-RULE-1234567890-TAIL");
        var r = await CdxProcess.RunAsync(["exec", "--skip-git-repo-check", "-C", sub, "--json", "hi"],
            stdin: "", workingDirectory: sub, environment: world.Env);
        Assert.Equal(0, r.ExitCode);

        var agents = Texts(server.Requests.Single().Input[2])[0];
        Assert.StartsWith($"# AGENTS.md instructions for {sub}\n", agents);
        Assert.DoesNotContain("OUTSIDE", agents);
        Assert.True(agents.IndexOf("ROOT-RULE", StringComparison.Ordinal) < agents.IndexOf("SUB-RULE-1", StringComparison.Ordinal));
        Assert.Contains("SUB-RULE-1", agents);
        Assert.DoesNotContain("TAIL", agents);
        var meta = JsonNode.Parse(File.ReadLines(world.RolloutFiles().Single()).First())!["payload"]!;
        // 20 bytes: all 9 of the root file, then the first 11 of the sub file.
        Assert.Equal("ROOT-RULE\n\nSUB-RULE-12", meta["instructions"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resume_does_not_inject_the_initial_context_again()
    {
        await using var server = await ScriptedModelServer.StartAsync(ScriptedTurn.Text("one"), ScriptedTurn.Text("two"));
        using var world = new ExecWorld(server.BaseUrl);
        File.WriteAllText(Path.Combine(world.Work, "AGENTS.md"), "Use tabs.\n");
        Assert.Equal(0, (await world.ExecAsync("--json", "first prompt")).ExitCode);
        var r = await CdxProcess.RunAsync(
            ["exec", "--skip-git-repo-check", "-C", world.Work, "resume", "--last", "--json", "second prompt"],
            stdin: "", environment: world.Env);
        Assert.Equal(0, r.ExitCode);

        var input = server.Requests[1].Input;
        Assert.Equal(["developer", "developer", "user", "user", "assistant", "user"], input.Select(Role).ToList());
        Assert.Single(input, i => i!["content"] is JsonArray && Texts(i).Any(t => t.StartsWith("<environment_context>", StringComparison.Ordinal)));
        Assert.Equal(["second prompt"], Texts(input[^1]));
    }
}
