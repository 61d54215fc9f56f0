using System.Net;
using Cdx.Governance.Auth;
using Cdx.Governance.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cdx.Governance.Device;

/// <summary>
/// `/device`: the small server-rendered page where a person enters the user code. The server has no
/// browser sessions, so the form takes a credential: the person's own access token, or an admin API
/// key plus the email of the user being approved. Because the credential travels in the form body
/// and never in a cookie, a cross-site form post cannot act for anyone (no CSRF token needed).
/// </summary>
internal static class DevicePage
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/device", (string? user_code) => Page(user_code, null, false));
        app.MapPost("/device", async (HttpContext http, DeviceCodeStore store, IdentityStore identity, CancellationToken ct) =>
        {
            var form = await http.Request.ReadFormAsync(ct);
            var code = form["user_code"].ToString();
            var credential = form["credential"].ToString().Trim();
            var approve = form["decision"] != "deny";
            // Reuse the API's bearer handling by resolving the credential as if it were the header.
            http.Request.Headers.Authorization = "Bearer " + credential;
            var caller = await http.RequestServices.GetRequiredService<CallerResolver>().ResolveAsync(http);
            string? userId = caller.UserId;
            if (caller.IsAnonymous)
            {
                return Page(code, "That credential is not known to this server; paste your access token or an admin API key.", false);
            }
            if (userId is null)
            {
                if (!caller.IsAdmin)
                {
                    return Page(code, "That API key cannot approve logins; use an admin key or your own access token.", false);
                }
                var email = form["email"].ToString();
                if (approve)
                {
                    if (email.Length == 0 || await identity.FindUserByEmailAsync(email, ct) is not { } user)
                    {
                        return Page(code, "With an admin key, enter the email of an existing user to approve the login for.", false);
                    }
                    userId = user.Id;
                }
            }
            var problem = await store.DecideAsync(code, userId, approve, caller.Name, ct);
            return Page(code, problem ?? (approve ? "Approved. Return to your terminal; cdx finishes signing in." : "Denied. The device will not be signed in."), problem is null);
        }).DisableAntiforgery();
    }

    private static IResult Page(string? code, string? message, bool done)
    {
        static string e(string? text) => WebUtility.HtmlEncode(text ?? "");
        var body = done
            ? $"<p class=ok>{e(message)}</p>"
            : $"""
              {(message is null ? "" : $"<p class=err>{e(message)}</p>")}
              <form method=post action=/device>
                <label>Code shown by cdx <input name=user_code value="{e(code)}" autocomplete=off required autofocus></label>
                <label>Your access token, or an admin API key <input name=credential type=password required></label>
                <label>User email (only with an admin key) <input name=email type=email></label>
                <button name=decision value=approve>Approve</button> <button name=decision value=deny>Deny</button>
              </form>
              """;
        var html = $"""
            <!doctype html><html lang=en><head><meta charset=utf-8><title>cdx device login</title>
            <meta name=viewport content="width=device-width,initial-scale=1">
            <style>body{"{"}font:16px system-ui;max-width:32rem;margin:3rem auto{"}"}label{"{"}display:block;margin:1rem 0{"}"}input{"{"}display:block;width:100%{"}"}.err{"{"}color:#b00{"}"}.ok{"{"}color:#070{"}"}</style>
            </head><body><h1>Sign in a cdx device</h1>{body}</body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: done || message is null ? 200 : 400);
    }
}
