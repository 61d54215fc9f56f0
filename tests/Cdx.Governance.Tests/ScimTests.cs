using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Cdx.Governance.Tests;

/// <summary>SCIM 2.0 Users and Groups as an identity provider drives them; one shared server, unique names per test.</summary>
public abstract class ScimTests(SharedServer shared) : IAsyncLifetime
{
    private GovernanceTestServer _s => shared.Server ?? throw TestPostgres.Skipped();
    private HttpClient? _scimClient;

    private HttpClient _scim => _scimClient ?? throw TestPostgres.Skipped();
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        if (shared.Server is { } s)
        {
            var key = await s.AdminSendAsync(HttpMethod.Post, "/v1/admin/api-keys", new { name = "idp", scopes = new[] { "scim" } });
            _scimClient = s.Client((string)key["key"]!);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Send(HttpMethod method, string path, object? body = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/scim+json");
        }
        var response = await (client ?? _scim).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    private async Task<string> CreateUser(string name, string? externalId = null)
    {
        var (status, body, _) = await Send(HttpMethod.Post, "/scim/v2/Users", new
        {
            schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" },
            userName = $"{name}-{_tag}@Corp.Example",
            name = new { formatted = name },
            externalId,
            active = true,
        });
        Assert.Equal(HttpStatusCode.Created, status);
        return (string)body!["id"]!;
    }

    [SkippableFact]
    public async Task User_lifecycle_create_get_filter_deactivate_delete()
    {
        var (status, created, response) = await Send(HttpMethod.Post, "/scim/v2/Users", new { userName = $"Alice-{_tag}@Corp.Example", displayName = "Alice", externalId = "00u" + _tag });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType!.MediaType);
        var id = (string)created!["id"]!;
        Assert.Equal($"/scim/v2/Users/{id}", response.Headers.Location!.ToString());
        Assert.Equal($"alice-{_tag}@corp.example", (string)created["userName"]!);

        var (_, got, _) = await Send(HttpMethod.Get, $"/scim/v2/Users/{id}");
        Assert.Equal("Alice", (string)got!["displayName"]!);

        // userName is case-insensitive; the filter value is a quoted JSON string in the query.
        var (_, list, _) = await Send(HttpMethod.Get, $"/scim/v2/Users?filter={Uri.EscapeDataString($"userName eq \"ALICE-{_tag}@corp.example\"")}");
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", (string)list!["schemas"]![0]!);
        Assert.Equal(1, (int)list["totalResults"]!);
        Assert.Equal(id, (string)list["Resources"]![0]!["id"]!);
        var (_, none, _) = await Send(HttpMethod.Get, $"/scim/v2/Users?filter={Uri.EscapeDataString("userName eq \"nobody@corp.example\"")}");
        Assert.Equal(0, (int)none!["totalResults"]!);
        Assert.Empty(none["Resources"]!.AsArray());

        var (dup, dupBody, _) = await Send(HttpMethod.Post, "/scim/v2/Users", new { userName = $"alice-{_tag}@corp.example" });
        Assert.Equal((HttpStatusCode.Conflict, "uniqueness"), (dup, (string)dupBody!["scimType"]!));

        // Deactivation through PATCH (Entra ID sends the boolean as a string) stops the user's token at once.
        var token = await _s.CreateTokenAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await _s.Client(token).GetAsync("/v1/clients/whoami")).StatusCode);
        var (patched, patchedBody, _) = await Send(HttpMethod.Patch, $"/scim/v2/Users/{id}", new
        {
            schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:PatchOp" },
            Operations = new[] { new { op = "Replace", path = "active", value = "False" } },
        });
        Assert.Equal(HttpStatusCode.OK, patched);
        Assert.False((bool)patchedBody!["active"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _s.Client(token).GetAsync("/v1/clients/whoami")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Delete, $"/scim/v2/Users/{id}")).Status);
        var (gone, goneBody, _) = await Send(HttpMethod.Get, $"/scim/v2/Users/{id}");
        Assert.Equal((HttpStatusCode.NotFound, "404"), (gone, (string)goneBody!["status"]!));
    }

    [SkippableFact]
    public async Task Unsupported_filter_is_a_400_with_a_scim_error_body()
    {
        var (status, body, response) = await Send(HttpMethod.Get, $"/scim/v2/Users?filter={Uri.EscapeDataString("userName sw \"a\"")}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string)body!["schemas"]![0]!);
        Assert.Equal(("400", "invalidFilter"), ((string)body["status"]!, (string)body["scimType"]!));
        Assert.Contains("`sw` is not supported", (string)body["detail"]!);
        var (groups, _, _) = await Send(HttpMethod.Get, $"/scim/v2/Groups?filter={Uri.EscapeDataString("displayName eq \"a\" or displayName eq \"b\"")}");
        Assert.Equal(HttpStatusCode.BadRequest, groups);
    }

    [SkippableFact]
    public async Task Group_membership_patches_add_remove_and_replace_and_drive_policy_lookup()
    {
        var alice = await CreateUser("alice");
        var bob = await CreateUser("bob");
        var carol = await CreateUser("carol");
        var (status, group, _) = await Send(HttpMethod.Post, "/scim/v2/Groups", new { displayName = $"Contractors {_tag}", members = new[] { new { value = alice } } });
        Assert.Equal(HttpStatusCode.Created, status);
        var id = (string)group!["id"]!;

        var (_, list, _) = await Send(HttpMethod.Get, $"/scim/v2/Groups?filter={Uri.EscapeDataString($"displayName eq \"CONTRACTORS {_tag}\"")}&excludedAttributes=members");
        Assert.Equal(id, (string)list!["Resources"]![0]!["id"]!);
        Assert.Null(list["Resources"]![0]!["members"]);

        async Task<string[]> Patch(params object[] ops)
        {
            var (s, body, _) = await Send(HttpMethod.Patch, $"/scim/v2/Groups/{id}", new { schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:PatchOp" }, Operations = ops });
            Assert.True(s == HttpStatusCode.OK, body?.ToJsonString());
            return body!["members"]!.AsArray().Select(m => (string)m!["value"]!).Order().ToArray();
        }
        Assert.Equal(new[] { alice, bob }.Order(), await Patch(new { op = "add", path = "members", value = new[] { new { value = bob } } }));
        Assert.Equal([bob], await Patch(new { op = "remove", path = $"members[value eq \"{alice}\"]" }));
        Assert.Equal(new[] { alice, carol }.Order(), await Patch(new { op = "replace", path = "members", value = new[] { new { value = alice }, new { value = carol } } }));
        Assert.Equal([carol], await Patch(new { op = "Remove", path = "members", value = new[] { new { value = alice } } }));

        // The group is a real group: a rule naming it applies to its SCIM-managed members.
        var policy = await _s.CreatePolicyAsync("scim-" + _tag, "allowed_sandbox_modes = [\"read-only\"]\n");
        await _s.AssignAsync(null, (id, policy));
        var lookup = await _s.AdminSendAsync(HttpMethod.Get, $"/v1/admin/policy-lookup?email=carol-{_tag}@corp.example");
        Assert.Equal(policy, (string)lookup["policy"]!["id"]!);

        var (bad, badBody, _) = await Send(HttpMethod.Patch, $"/scim/v2/Groups/{id}", new
        {
            Operations = new object[] { new { op = "add", path = "members", value = new[] { new { value = bob } } }, new { op = "add", path = "members", value = new[] { new { value = "user_missing" } } } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("user_missing", (string)badBody!["detail"]!);
        Assert.Equal([carol], (await Send(HttpMethod.Get, $"/scim/v2/Groups/{id}")).Body!["members"]!.AsArray().Select(m => (string)m!["value"]!));

        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Delete, $"/scim/v2/Groups/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(HttpMethod.Get, $"/scim/v2/Groups/{id}")).Status);
        Assert.Empty((await _s.AdminSendAsync(HttpMethod.Get, "/v1/admin/policy-assignments"))["rules"]!.AsArray());
    }

    [SkippableFact]
    public async Task Scim_needs_a_scim_scoped_key_and_that_key_is_not_an_admin_key()
    {
        var (anon, anonBody, _) = await Send(HttpMethod.Get, "/scim/v2/Users", client: _s.Anonymous);
        Assert.Equal((HttpStatusCode.Unauthorized, "401"), (anon, (string)anonBody!["status"]!));
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Get, "/scim/v2/Groups", client: _s.Admin)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _scim.GetAsync("/v1/admin/users")).StatusCode);
        var member = await _s.CreateTokenAsync(await CreateUser("member"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Get, "/scim/v2/Users", client: _s.Client(member))).Status);
    }
}

/// <summary>SCIM on SQLite.</summary>
public sealed class ScimTestsOnSqlite(SharedSqliteServer shared) : ScimTests(shared), IClassFixture<SharedSqliteServer>;

/// <summary>SCIM on PostgreSQL.</summary>
public sealed class ScimTestsOnPostgres(SharedPostgresServer shared) : ScimTests(shared), IClassFixture<SharedPostgresServer>;
