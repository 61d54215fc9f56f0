using System.Text.Json.Nodes;
using Cdx.Testing;

namespace Cdx.Governance.Tests;

/// <summary>
/// The acceptance flow through the real `cdx` binary: an admin sets up groups and ordered policies,
/// the user logs in with an access token, and `cdx debug config` shows the first matching policy
/// with origin "cloud requirements"; moving the user to another group changes it at the next start.
/// </summary>
public abstract class EndToEndTests(TestDatabase db) : IAsyncLifetime
{
    private GovernanceTestServer? _server;

    private GovernanceTestServer _s => _server ?? throw TestPostgres.Skipped();
    private string _home = "";
    private string _sys = "";

    public async Task InitializeAsync()
    {
        if (!TestPostgres.Available(db))
        {
            return;
        }
        _server = await GovernanceTestServer.StartAsync(db, configure: o => o with { DeviceCodeInterval = TimeSpan.FromSeconds(1) });
        _home = Path.Combine(_s.Root, "home");
        _sys = Path.Combine(_s.Root, "sys");
        Directory.CreateDirectory(_home);
        Directory.CreateDirectory(_sys);
        File.WriteAllText(Path.Combine(_home, "auth.json"), "{\"OPENAI_API_KEY\": \"sk-keep-me\"}");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private Task<ProcessResult> Cdx(string? stdin, params string[] args) =>
        CdxProcess.RunAsync(args, stdin, _s.Root, new Dictionary<string, string?> { ["CODEX_HOME"] = _home, ["CDX_SYSTEM_CONFIG_DIR"] = _sys },
            TimeSpan.FromMinutes(8)); // the first call may build the CLI

    [SkippableFact]
    public async Task Login_then_debug_config_shows_the_first_matching_policy_and_follows_group_moves()
    {
        var alice = await _s.CreateUserAsync("alice@corp.example");
        var contractors = await _s.CreateGroupAsync("Contractors", alice);
        var engineers = await _s.CreateGroupAsync("Engineers", alice);
        var ro = await _s.CreatePolicyAsync("contractors", "allowed_sandbox_modes = [\"read-only\"]\n");
        var eng = await _s.CreatePolicyAsync("engineers", "allowed_sandbox_modes = [\"read-only\", \"workspace-write\"]\nallowed_approval_policies = [\"untrusted\"]\n");
        await _s.AssignAsync(null, (contractors, ro), (engineers, eng));
        var token = await _s.CreateTokenAsync(alice);

        var login = await Cdx(token, "login", "--server", _s.Url, "--with-access-token");
        Assert.True(login.ExitCode == 0, login.Stderr);
        Assert.Contains("alice@corp.example", login.Stdout);
        var auth = JsonNode.Parse(File.ReadAllText(Path.Combine(_home, "auth.json")))!;
        Assert.Equal("sk-keep-me", (string)auth["OPENAI_API_KEY"]!);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_home, "auth.json")));
        }
        Assert.Equal(0, (await Cdx(null, "login", "status")).ExitCode);

        var first = await DebugConfigAsync();
        Assert.Equal("cloud requirements", (string)first["requirement_sources"]!["allowed_sandbox_modes"]!);
        Assert.Null(first["requirement_sources"]!["allowed_approval_policies"]); // not filled from the later Engineers rule

        await _s.AdminSendAsync(HttpMethod.Delete, $"/v1/admin/groups/{contractors}/members/{alice}");
        var second = await DebugConfigAsync();
        Assert.Equal("cloud requirements", (string)second["requirement_sources"]!["allowed_approval_policies"]!);
        Assert.Equal("untrusted", (string)second["config"]!["approval_policy"]!);

        var logout = await Cdx(null, "logout");
        Assert.Equal(0, logout.ExitCode);
        Assert.Equal(1, (await Cdx(null, "login", "status")).ExitCode);
        auth = JsonNode.Parse(File.ReadAllText(Path.Combine(_home, "auth.json")))!;
        Assert.Equal("sk-keep-me", (string)auth["OPENAI_API_KEY"]!);
        Assert.Null(auth["cdx_governance"]);
    }

    [SkippableFact]
    public async Task Login_with_a_bad_token_fails_with_a_sentence_and_stores_nothing()
    {
        var result = await Cdx("cdxt_wrong", "login", "--server", _s.Url, "--with-access-token");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("rejected the access token", result.Stderr);
        Assert.DoesNotContain("cdx_governance", File.ReadAllText(Path.Combine(_home, "auth.json")));
    }

    [SkippableFact]
    public async Task Device_login_through_the_binary_prints_the_code_waits_for_approval_and_delivers_the_policy()
    {
        var bob = await _s.CreateUserAsync("bob@corp.example");
        var group = await _s.CreateGroupAsync("Contractors", bob);
        await _s.AssignAsync(null, (group, await _s.CreatePolicyAsync("contractors", "allowed_sandbox_modes = [\"read-only\"]\n")));

        var psi = new System.Diagnostics.ProcessStartInfo(RepoPaths.CdxWrapper)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _s.Root,
        };
        foreach (var a in new[] { "login", "--server", _s.Url, "--device-auth" })
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["CODEX_HOME"] = _home;
        psi.Environment["CDX_SYSTEM_CONFIG_DIR"] = _sys;
        using var process = System.Diagnostics.Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(8)); // the first call may build the CLI
        try
        {
            string? code = null;
            while (code is null && await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
            {
                code = System.Text.RegularExpressions.Regex.Match(line, "enter the code ([B-Z]{4}-[B-Z]{4})") is { Success: true } m ? m.Groups[1].Value : null;
            }
            if (code is null)
            {
                Assert.Fail($"cdx login printed no code: {await stderr}"); // stderr is complete only once the process ended
            }
            await _s.AdminSendAsync(HttpMethod.Post, "/v1/admin/device/approve", new { user_code = code, email = "bob@corp.example" });
            var rest = await process.StandardOutput.ReadToEndAsync(cts.Token);
            await process.WaitForExitAsync(cts.Token);
            Assert.True(process.ExitCode == 0, await stderr);
            Assert.Contains("as bob@corp.example", rest);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        Assert.Equal("cloud requirements", (string)(await DebugConfigAsync())["requirement_sources"]!["allowed_sandbox_modes"]!);
    }

    private async Task<JsonObject> DebugConfigAsync()
    {
        var result = await Cdx(null, "debug", "config", "--json");
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        return JsonNode.Parse(result.Stdout)!.AsObject();
    }
}

/// <summary>EndToEndTests on SQLite.</summary>
public sealed class EndToEndTestsOnSqlite() : EndToEndTests(TestDatabase.Sqlite);

/// <summary>EndToEndTests on PostgreSQL.</summary>
public sealed class EndToEndTestsOnPostgres() : EndToEndTests(TestDatabase.Postgres);
