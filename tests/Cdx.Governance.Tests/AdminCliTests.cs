using System.Text.Json.Nodes;
using Cdx.Testing;

namespace Cdx.Governance.Tests;

/// <summary>`cdx governance` admin subcommands through the real binary against a shared server.</summary>
public abstract class AdminCliTests(SharedServer shared)
{
    private GovernanceTestServer _s => shared.Server ?? throw TestPostgres.Skipped();
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    private Task<ProcessResult> Cdx(string? key, params string[] args) =>
        CdxProcess.RunAsync(["governance", .. args], null, _s.Root, new Dictionary<string, string?>
        {
            ["CODEX_HOME"] = Path.Combine(_s.Root, "home"),
            ["CDX_GOVERNANCE_SERVER"] = _s.Url,
            ["CDX_GOVERNANCE_ADMIN_KEY"] = key ?? GovernanceTestServer.AdminKey,
        }, TimeSpan.FromMinutes(8)); // the first call may build the CLI

    private static void Ok(ProcessResult r) => Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");

    [SkippableFact]
    public async Task Admin_scripts_groups_policies_order_and_lookup_through_the_cli()
    {
        var email = $"cli-{_tag}@corp.example";
        await _s.CreateUserAsync(email);
        var group = $"Contractors-{_tag}";
        Ok(await Cdx(null, "group", "create", group));
        Ok(await Cdx(null, "group", "add-member", group, email));
        Ok(await Cdx(null, "role", "assign", "Admin", "--group", group));

        var file = Path.Combine(_s.Root, $"ro-{_tag}.toml");
        File.WriteAllText(file, "allowed_sandbox_modes = [\"read-only\"]\n");
        Ok(await Cdx(null, "policy", "put", "ro-" + _tag, "--file", file));
        File.WriteAllText(file, "allowed_sandbox_modes = [\"read-only\"]\nallowed_web_search_modes = []\n");
        var updated = await Cdx(null, "policy", "put", "ro-" + _tag, "--file", file);
        Ok(updated);
        Assert.Contains("version 2", updated.Stdout);

        File.WriteAllText(file, "allowed_approval_policies = [\"on-request\"]\nallowed_sandbox_modes = [\"workspace-write\"]\n");
        var invalid = await Cdx(null, "policy", "put", "bad-" + _tag, "--file", file);
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains($"{file}:2:25:", invalid.Stderr);
        Assert.Contains("not saved", invalid.Stderr);

        Ok(await Cdx(null, "assignments", "set", $"{group}=ro-{_tag}"));
        var lookup = await Cdx(null, "lookup", "--email", email);
        Ok(lookup);
        var answer = JsonNode.Parse(lookup.Stdout)!;
        Assert.Equal(("ro-" + _tag, 0, group), ((string)answer["policy"]!["name"]!, (int)answer["rule_index"]!, (string)answer["matched_group"]!["display_name"]!));

        var token = await Cdx(null, "token", "create", "--user", email, "--expires-in-days", "2");
        Ok(token);
        var who = await _s.Client(token.Stdout.Trim()).GetStringAsync("/v1/clients/whoami");
        Assert.Contains("administer", who); // the role granted through `role assign`

        Ok(await Cdx(null, "group", "remove-member", group, email));
        Assert.Equal("none", (string)JsonNode.Parse((await Cdx(null, "lookup", "--email", email)).Stdout)!["source"]!);
    }

    [SkippableFact]
    public async Task Errors_are_one_sentence_naming_the_way_out()
    {
        var badKey = await Cdx("cdxa_wrong", "group", "list");
        Assert.Equal(1, badKey.ExitCode);
        Assert.Contains("rejected the admin key; pass a valid one with --admin-key or CDX_GOVERNANCE_ADMIN_KEY", badKey.Stderr);

        var down = await Cdx(null, "policy", "list", "--server", "http://127.0.0.1:1");
        Assert.Equal(1, down.ExitCode);
        Assert.Contains("cdx governance policy list: cannot reach the governance server at http://127.0.0.1:1", down.Stderr);

        var missing = await Cdx(null, "group", "add-member", "No such group " + _tag, "nobody@corp.example");
        Assert.Contains("no group named", missing.Stderr);
    }
}

/// <summary>Admin CLI on SQLite.</summary>
public sealed class AdminCliTestsOnSqlite(SharedSqliteServer shared) : AdminCliTests(shared), IClassFixture<SharedSqliteServer>;

/// <summary>Admin CLI on PostgreSQL.</summary>
public sealed class AdminCliTestsOnPostgres(SharedPostgresServer shared) : AdminCliTests(shared), IClassFixture<SharedPostgresServer>;
