using System.CommandLine;
using Cdx.Config;
using Cdx.Governance.Client;

namespace Cdx.Cli.Commands;

/// <summary>`cdx login --server URL --with-access-token`, `cdx login status`, `cdx logout`.</summary>
public static class LoginCommand
{
    /// <summary>Adds `login` (with `status`) and `logout` to <paramref name="root"/>.</summary>
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(CreateLogin());
        root.Subcommands.Add(CreateLogout());
    }

    private static Command CreateLogin()
    {
        var cmd = new Command("login", "Sign in to a cdx governance server so cdx receives your workspace's requirements.");
        var server = new Option<string?>("--server") { Description = "Governance server URL, e.g. https://governance.example.com." };
        var withToken = new Option<bool>("--with-access-token") { Description = "Read an access token from standard input." };
        var device = new Option<bool>("--device-auth") { Description = "Sign in with a code approved in the browser (or by an admin)." };
        cmd.Options.Add(server);
        cmd.Options.Add(withToken);
        cmd.Options.Add(device);
        cmd.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            var url = pr.GetValue(server);
            if (url is null || pr.GetValue(withToken) == pr.GetValue(device))
            {
                throw new UserFacingException(
                    "cdx login: pass --server URL and one of --device-auth or --with-access-token (the token on standard input).", 2);
            }
            var login = pr.GetValue(device)
                ? await Run(() => DeviceLogin.RunAsync(Home(), url, ShowCode, ct))
                : await Run(() => LoginService.LoginWithAccessTokenAsync(Home(), url, Console.In.ReadToEnd(), ct));
            Console.Out.WriteLine($"Logged in to {login.Server} as {login.Email} (workspace {login.WorkspaceId}).");
            return 0;
        });

        var status = new Command("status", "Show the current login; exit code 0 when logged in, 1 when not.");
        status.SetAction(_ =>
        {
            var login = RunSync(() => AuthFile.Read(Home()));
            if (login is null)
            {
                Console.Out.WriteLine("Not logged in to a governance server.");
                return 1;
            }
            Console.Out.WriteLine($"Logged in to {login.Server} as {login.Email} (workspace {login.WorkspaceId}, {login.PinnedKeys.Count} pinned signing key(s)).");
            return 0;
        });
        cmd.Subcommands.Add(status);
        return cmd;
    }

    private static Command CreateLogout()
    {
        var cmd = new Command("logout", "Remove the governance login and its cached requirements (other auth.json fields are kept).");
        cmd.SetAction(_ =>
        {
            Console.Out.WriteLine(RunSync(() => LoginService.Logout(Home())) ? "Logged out." : "Not logged in to a governance server.");
            return 0;
        });
        return cmd;
    }

    private static void ShowCode(Cdx.Governance.Client.Wire.DeviceAuthorization auth)
    {
        Console.Out.WriteLine($"To sign in, open {auth.VerificationUri} and enter the code {auth.UserCode}");
        Console.Out.WriteLine($"(or open {auth.VerificationUriComplete ?? auth.VerificationUri}); it expires in {Math.Max(1, auth.ExpiresIn / 60)} minute(s). Waiting for approval...");
        Console.Out.Flush();
    }

    private static string Home() => ConfigLoadOptions.FromEnvironment().CodexHome;

    private static async Task<T> Run<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (GovernanceClientException ex)
        {
            throw new UserFacingException($"cdx login: {ex.Message}", 1, ex);
        }
    }

    private static T RunSync<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (GovernanceClientException ex)
        {
            throw new UserFacingException($"cdx: {ex.Message}", 1, ex);
        }
    }
}
