using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cdx.Governance.Client;

namespace Cdx.Cli.Commands;

/// <summary>
/// `cdx governance group|role|policy|assignments|lookup|token ...`: everyday admin tasks against a
/// running server, so policies can be scripted and kept in git. Output is JSON where it is data.
/// </summary>
public static class GovernanceAdminCommands
{
    private static readonly Option<string?> Server = new("--server") { Description = "Governance server URL (default $CDX_GOVERNANCE_SERVER).", Recursive = true };
    private static readonly Option<string?> AdminKey = new("--admin-key") { Description = "Admin API key (default $CDX_GOVERNANCE_ADMIN_KEY).", Recursive = true };

    /// <summary>Adds the admin subcommands to `cdx governance`.</summary>
    public static void AddTo(Command governance)
    {
        governance.Options.Add(Server);
        governance.Options.Add(AdminKey);
        governance.Subcommands.Add(Group());
        governance.Subcommands.Add(Role());
        governance.Subcommands.Add(Policy());
        governance.Subcommands.Add(Assignments());
        governance.Subcommands.Add(Lookup());
        governance.Subcommands.Add(Token());
    }

    private static Command Group()
    {
        var cmd = new Command("group", "Create and list groups and change their members.");
        var name = new Argument<string>("name") { Description = "Group display name (or id)." };
        var email = new Argument<string>("email") { Description = "Member's email." };
        cmd.Subcommands.Add(Make("create", "Create a group.", [name], async (api, pr, ct) =>
            Print(await api.SendAsync(HttpMethod.Post, "/v1/admin/groups", new JsonObject { ["display_name"] = pr.GetValue(name) }, ct))));
        cmd.Subcommands.Add(Make("list", "List groups (JSON).", [], async (api, _, ct) => Print(await api.SendAsync(HttpMethod.Get, "/v1/admin/groups", null, ct))));
        foreach (var (verb, method) in new[] { ("add-member", HttpMethod.Put), ("remove-member", HttpMethod.Delete) })
        {
            cmd.Subcommands.Add(Make(verb, verb == "add-member" ? "Add a user to a group." : "Remove a user from a group.", [name, email], async (api, pr, ct) =>
            {
                var group = await api.FindAsync("/v1/admin/groups", "display_name", pr.GetValue(name)!, "group", ct);
                var user = await UserAsync(api, pr.GetValue(email)!, ct);
                await api.SendAsync(method, $"/v1/admin/groups/{group["id"]}/members/{user["id"]}", null, ct);
                Console.Out.WriteLine($"{(verb == "add-member" ? "Added" : "Removed")} {user["email"]} {(verb == "add-member" ? "to" : "from")} {group["display_name"]}.");
            }));
        }
        return cmd;
    }

    private static Command Role()
    {
        var cmd = new Command("role", "Grant roles to groups.");
        var role = new Argument<string>("role") { Description = "Role name (or id), e.g. Admin." };
        var group = new Option<string>("--group") { Description = "Group that receives the role.", Required = true };
        cmd.Subcommands.Add(Make("assign", "Grant a role to every member of a group.", [role, group], async (api, pr, ct) =>
        {
            var r = await api.FindAsync("/v1/admin/roles", "name", pr.GetValue(role)!, "role", ct);
            var g = await api.FindAsync("/v1/admin/groups", "display_name", pr.GetValue(group)!, "group", ct);
            await api.SendAsync(HttpMethod.Put, $"/v1/admin/groups/{g["id"]}/roles/{r["id"]}", null, ct);
            Console.Out.WriteLine($"Granted role {r["name"]} to group {g["display_name"]}.");
        }));
        return cmd;
    }

    private static Command Policy()
    {
        var cmd = new Command("policy", "Create, update and list policies (requirements.toml documents).");
        var name = new Argument<string>("name") { Description = "Policy name." };
        var file = new Option<FileInfo>("--file") { Description = "The requirements.toml to store.", Required = true };
        cmd.Subcommands.Add(Make("put", "Create the policy, or store a new version when it exists; validated by the server.", [name, file], async (api, pr, ct) =>
        {
            var path = pr.GetValue(file)!;
            string contents;
            try
            {
                contents = await File.ReadAllTextAsync(path.FullName, ct);
            }
            catch (IOException ex)
            {
                throw new GovernanceClientException($"cannot read {path} ({ex.Message}); check the --file path.", ex);
            }
            var existing = (await api.SendAsync(HttpMethod.Get, "/v1/admin/policies", null, ct)).AsArray().OfType<JsonObject>()
                .FirstOrDefault(p => (string?)p["name"] == pr.GetValue(name));
            try
            {
                var saved = existing is null
                    ? await api.SendAsync(HttpMethod.Post, "/v1/admin/policies", new JsonObject { ["name"] = pr.GetValue(name), ["contents"] = contents }, ct)
                    : await api.SendAsync(HttpMethod.Put, $"/v1/admin/policies/{existing["id"]}", new JsonObject { ["contents"] = contents }, ct);
                Console.Out.WriteLine($"Policy {saved["name"]} ({saved["id"]}) is at version {saved["version"]}.");
            }
            catch (GovernanceAdminException ex) when (ex.Problem?["line"] is not null)
            {
                // Point at the file, like a compiler, so editors can jump to it.
                throw new GovernanceClientException($"{path}:{ex.Problem["line"]}:{ex.Problem["column"]}: {ex.Problem["reason"]} (the policy was not saved)", ex);
            }
        }));
        cmd.Subcommands.Add(Make("list", "List policies (JSON).", [], async (api, _, ct) => Print(await api.SendAsync(HttpMethod.Get, "/v1/admin/policies", null, ct))));
        return cmd;
    }

    private static Command Assignments()
    {
        var cmd = new Command("assignments", "Show or replace the ordered group → policy rules.");
        var rules = new Argument<string[]>("rules") { Description = "GROUP=POLICY pairs in priority order (first match wins).", Arity = ArgumentArity.ZeroOrMore };
        var def = new Option<string?>("--default") { Description = "Policy for users no rule matches." };
        cmd.Subcommands.Add(Make("set", "Replace the rules, in the order given, and the default.", [rules, def], async (api, pr, ct) =>
        {
            var list = new JsonArray();
            foreach (var pair in pr.GetValue(rules) ?? [])
            {
                var eq = pair.LastIndexOf('=');
                if (eq <= 0 || eq == pair.Length - 1)
                {
                    throw new GovernanceClientException($"`{pair}` is not GROUP=POLICY; write each rule as a group name, '=', and a policy name.");
                }
                var g = await api.FindAsync("/v1/admin/groups", "display_name", pair[..eq], "group", ct);
                var p = await api.FindAsync("/v1/admin/policies", "name", pair[(eq + 1)..], "policy", ct);
                list.Add(new JsonObject { ["group_id"] = (string?)g["id"], ["policy_id"] = (string?)p["id"] });
            }
            var defId = pr.GetValue(def) is { } d ? (string?)(await api.FindAsync("/v1/admin/policies", "name", d, "policy", ct))["id"] : null;
            await api.SendAsync(HttpMethod.Put, "/v1/admin/policy-assignments", new JsonObject { ["rules"] = list, ["default_policy_id"] = defId }, ct);
            Print(await api.SendAsync(HttpMethod.Get, "/v1/admin/policy-assignments", null, ct));
        }));
        cmd.Subcommands.Add(Make("show", "Show the rules and the default (JSON).", [], async (api, _, ct) =>
            Print(await api.SendAsync(HttpMethod.Get, "/v1/admin/policy-assignments", null, ct))));
        return cmd;
    }

    private static Command Lookup()
    {
        var email = new Option<string?>("--email") { Description = "Which policy applies to this user, and why." };
        var group = new Option<string?>("--group") { Description = "Which policy applies to members of this group." };
        return Make("lookup", "Explain which policy applies (JSON: policy, rule index, matched group, later matches).", [email, group], async (api, pr, ct) =>
        {
            var (e, g) = (pr.GetValue(email), pr.GetValue(group));
            if ((e is null) == (g is null))
            {
                throw new GovernanceClientException("pass exactly one of --email or --group.");
            }
            var query = e is not null ? $"email={Uri.EscapeDataString(e)}" : $"group={Uri.EscapeDataString(g!)}";
            Print(await api.SendAsync(HttpMethod.Get, $"/v1/admin/policy-lookup?{query}", null, ct));
        });
    }

    private static Command Token()
    {
        var cmd = new Command("token", "Create access tokens for users.");
        var user = new Option<string>("--user") { Description = "The user's email.", Required = true };
        var days = new Option<int?>("--expires-in-days") { Description = "Expiry (default: the workspace limit)." };
        cmd.Subcommands.Add(Make("create", "Create a token for a user and print it (shown once).", [user, days], async (api, pr, ct) =>
        {
            var u = await UserAsync(api, pr.GetValue(user)!, ct);
            var created = await api.SendAsync(HttpMethod.Post, $"/v1/admin/users/{u["id"]}/access-tokens",
                new JsonObject { ["name"] = "cdx governance token create", ["expires_in_days"] = pr.GetValue(days) }, ct);
            Console.Out.WriteLine((string?)created["token"]);
        }));
        return cmd;
    }

    private static async Task<JsonObject> UserAsync(GovernanceAdminApi api, string email, CancellationToken ct) =>
        (await api.SendAsync(HttpMethod.Get, $"/v1/admin/users?email={Uri.EscapeDataString(email)}", null, ct)).AsArray().OfType<JsonObject>().FirstOrDefault()
            ?? throw new GovernanceClientException($"no user with email `{email}`; create one first (POST /v1/admin/users or SCIM).");

    /// <summary>`governance policy put`: the words typed, so the error names the exact command.</summary>
    private static string CommandPath(ParseResult pr)
    {
        var names = new List<string>();
        for (var r = pr.CommandResult; r.Parent is System.CommandLine.Parsing.CommandResult parent; r = parent)
        {
            names.Insert(0, r.Command.Name);
        }
        return string.Join(' ', names);
    }

    private static void Print(JsonNode node) => Console.Out.WriteLine(node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    private static Command Make(string name, string description, Symbol[] symbols, Func<GovernanceAdminApi, ParseResult, CancellationToken, Task> run)
    {
        var cmd = new Command(name, description);
        foreach (var s in symbols)
        {
            switch (s)
            {
                case Argument a:
                    cmd.Arguments.Add(a);
                    break;
                case Option o:
                    cmd.Options.Add(o);
                    break;
            }
        }
        cmd.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            var server = pr.GetValue(Server) ?? Environment.GetEnvironmentVariable("CDX_GOVERNANCE_SERVER");
            var key = pr.GetValue(AdminKey) ?? Environment.GetEnvironmentVariable("CDX_GOVERNANCE_ADMIN_KEY");
            if (string.IsNullOrWhiteSpace(server) || string.IsNullOrWhiteSpace(key))
            {
                throw new UserFacingException("cdx governance: pass --server URL and --admin-key KEY (or set CDX_GOVERNANCE_SERVER and CDX_GOVERNANCE_ADMIN_KEY).", 2);
            }
            try
            {
                using var api = new GovernanceAdminApi(server, key.Trim());
                await run(api, pr, ct);
                return 0;
            }
            catch (GovernanceClientException ex)
            {
                throw new UserFacingException($"cdx {CommandPath(pr)}: {ex.Message}", 1, ex);
            }
        });
        return cmd;
    }
}
