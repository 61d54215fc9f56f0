using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cdx.Governance.Tests;

public abstract class PolicyApiTests(TestDatabase db) : IAsyncLifetime
{
    private GovernanceTestServer? _server;

    private GovernanceTestServer _s => _server ?? throw TestPostgres.Skipped();

    public async Task InitializeAsync()
    {
        if (TestPostgres.Available(db))
        {
            _server = await GovernanceTestServer.StartAsync(db);
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Invalid_policy_is_refused_with_line_and_column_and_never_stored()
    {
        var response = await _s.Admin.PostAsJsonAsync("/v1/admin/policies", new
        {
            name = "broken",
            contents = "allowed_approval_policies = [\"on-request\"]\nallowed_sandbox_modes = [\"workspace-write\"]\n",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(2, (int)problem["line"]!);
        Assert.Equal(25, (int)problem["column"]!);
        Assert.Contains("read-only", (string)problem["reason"]!);
        Assert.Contains("2:25:", (string)problem["detail"]!);
        Assert.Empty((await _s.AdminSendAsync(HttpMethod.Get, "/v1/admin/policies")).AsArray());
    }

    [SkippableFact]
    public async Task Toml_syntax_error_reports_its_position()
    {
        var response = await _s.Admin.PostAsJsonAsync("/v1/admin/policies", new { name = "syntax", contents = "\n\nallowed_web_search_modes = [\"cached\"\n" });
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, (int)problem["line"]!);
    }

    [SkippableFact]
    public async Task Update_keeps_every_version_and_invalid_update_changes_nothing()
    {
        var id = await _s.CreatePolicyAsync("p", "allowed_sandbox_modes = [\"read-only\"]\n");
        await _s.AdminSendAsync(HttpMethod.Put, $"/v1/admin/policies/{id}", new { contents = "allowed_web_search_modes = []\n" });
        var bad = await _s.Admin.PutAsJsonAsync($"/v1/admin/policies/{id}", new { contents = "enforce_residency = \"eu\"\n" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var policy = await _s.AdminSendAsync(HttpMethod.Get, $"/v1/admin/policies/{id}");
        Assert.Equal(2, (int)policy["version"]!);
        Assert.Equal("allowed_web_search_modes = []\n", (string)policy["contents"]!);
        var versions = (await _s.AdminSendAsync(HttpMethod.Get, $"/v1/admin/policies/{id}/versions")).AsArray();
        Assert.Equal([1, 2], versions.Select(v => (int)v!["version"]!));
        Assert.Equal("api-key:" , ((string)versions[0]!["author"]!)[..8]);
    }

    [SkippableFact]
    public async Task Assigned_policy_cannot_be_deleted_until_unassigned()
    {
        var id = await _s.CreatePolicyAsync("p", "allowed_sandbox_modes = [\"read-only\"]\n");
        await _s.AssignAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, (await _s.Admin.DeleteAsync($"/v1/admin/policies/{id}")).StatusCode);
        await _s.AssignAsync(null);
        Assert.Equal(HttpStatusCode.NoContent, (await _s.Admin.DeleteAsync($"/v1/admin/policies/{id}")).StatusCode);
    }

    [SkippableFact]
    public async Task Lookup_by_email_and_group_explains_the_choice()
    {
        var alice = await _s.CreateUserAsync("alice@corp.example");
        var bob = await _s.CreateUserAsync("bob@corp.example");
        var contractors = await _s.CreateGroupAsync("Contractors", alice);
        var engineers = await _s.CreateGroupAsync("Engineers", alice, bob);
        var ro = await _s.CreatePolicyAsync("read-only", "allowed_sandbox_modes = [\"read-only\"]\n");
        var eng = await _s.CreatePolicyAsync("engineering", "allowed_approval_policies = [\"on-request\"]\n");
        var def = await _s.CreatePolicyAsync("default", "allowed_web_search_modes = [\"cached\"]\n");
        await _s.AssignAsync(def, (contractors, ro), (engineers, eng));

        var a = await _s.AdminSendAsync(HttpMethod.Get, "/v1/admin/policy-lookup?email=ALICE@corp.example");
        Assert.Equal(ro, (string)a["policy"]!["id"]!);
        Assert.Equal(0, (int)a["rule_index"]!);
        Assert.Equal("Contractors", (string)a["matched_group"]!["display_name"]!);
        var later = Assert.Single(a["later_matches"]!.AsArray());
        Assert.Equal((1, eng), ((int)later!["rule_index"]!, (string)later["policy"]!["id"]!));

        var b = await _s.AdminSendAsync(HttpMethod.Get, "/v1/admin/policy-lookup?email=bob@corp.example");
        Assert.Equal((eng, 1), ((string)b["policy"]!["id"]!, (int)b["rule_index"]!));

        var g = await _s.AdminSendAsync(HttpMethod.Get, "/v1/admin/policy-lookup?group=Engineers");
        Assert.Equal(eng, (string)g["policy"]!["id"]!);

        var carol = await _s.CreateUserAsync("carol@corp.example");
        var c = await _s.AdminSendAsync(HttpMethod.Get, $"/v1/admin/policy-lookup?email=carol@corp.example");
        Assert.Equal(("default", def), ((string)c["source"]!, (string)c["policy"]!["id"]!));
        Assert.Null(c["rule_index"]);
        Assert.NotNull(carol);
    }

    [SkippableFact]
    public async Task Deleting_a_group_removes_its_rules_and_renumbers_the_rest()
    {
        var g1 = await _s.CreateGroupAsync("One");
        var g2 = await _s.CreateGroupAsync("Two");
        var p = await _s.CreatePolicyAsync("p", "allowed_sandbox_modes = [\"read-only\"]\n");
        await _s.AssignAsync(null, (g1, p), (g2, p));
        Assert.Equal(HttpStatusCode.NoContent, (await _s.Admin.DeleteAsync($"/v1/admin/groups/{g1}")).StatusCode);
        var rules = (await _s.AdminSendAsync(HttpMethod.Get, "/v1/admin/policy-assignments"))["rules"]!.AsArray();
        var only = Assert.Single(rules);
        Assert.Equal((0, g2), ((int)only!["index"]!, (string)only["group_id"]!));
    }
}

/// <summary>PolicyApiTests on SQLite.</summary>
public sealed class PolicyApiTestsOnSqlite() : PolicyApiTests(TestDatabase.Sqlite);

/// <summary>PolicyApiTests on PostgreSQL.</summary>
public sealed class PolicyApiTestsOnPostgres() : PolicyApiTests(TestDatabase.Postgres);
