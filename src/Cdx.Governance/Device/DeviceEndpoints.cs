using Cdx.Governance.Auth;
using Cdx.Governance.Data;
using Cdx.Governance.Endpoints;
using Cdx.Governance.Hosting;
using Cdx.Governance.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Device;

/// <summary>
/// Device-code login (RFC 8628): the device asks for codes and polls; a person approves with their
/// own access token (API or the /device page), or an admin approves for a named user.
/// </summary>
internal static class DeviceEndpoints
{
    public const string GrantType = "urn:ietf:params:oauth:grant-type:device_code";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/device/code", async (HttpRequest request, GovernanceDb db, DeviceCodeStore store, GovernanceServerOptions options, CancellationToken ct) =>
        {
            if (!(await db.Workspaces.AsNoTracking().SingleAsync(ct)).AllowDeviceCode)
            {
                return OAuthError(403, "access_denied", "Device-code login is turned off for this workspace; an admin can enable allow_device_code, or log in with an access token.");
            }
            var (deviceCode, userCode) = await store.CreateAsync(ct);
            var page = $"{request.Scheme}://{request.Host}/device";
            return TypedResults.Ok(new DeviceCodeView(deviceCode, userCode, page, $"{page}?user_code={userCode}",
                (int)options.DeviceCodeLifetime.TotalSeconds, Math.Max(1, (int)options.DeviceCodeInterval.TotalSeconds)));
        }).DisableAntiforgery();

        app.MapPost("/v1/device/token", async (HttpRequest request, DeviceCodeStore store, CancellationToken ct) =>
        {
            // RFC 8628 §3.4 sends a form; JSON is accepted too for scripts.
            string? grant, code;
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(ct);
                (grant, code) = (form["grant_type"], form["device_code"]);
            }
            else
            {
                var body = await request.ReadFromJsonAsync<DeviceTokenBody>(ct);
                (grant, code) = (body?.GrantType, body?.DeviceCode);
            }
            if (grant != GrantType || string.IsNullOrEmpty(code))
            {
                return OAuthError(400, "invalid_request", $"Send grant_type={GrantType} and the device_code from /v1/device/code.");
            }
            var (token, error, expiresAt) = await store.PollAsync(code, ct);
            return token is null
                ? OAuthError(400, error!, Describe(error!))
                : TypedResults.Ok(new DeviceTokenView(token, "Bearer", expiresAt));
        }).DisableAntiforgery();

        // A signed-in user approves a code for themselves.
        app.MapPost("/v1/device/approve", async (DeviceDecisionBody body, HttpContext http, CallerResolver callers, DeviceCodeStore store, CancellationToken ct) =>
        {
            var caller = await callers.ResolveAsync(http);
            return await DecideAsync(store, body.UserCode, caller.UserId, body.Deny != true, caller.Name, ct);
        }).AddEndpointFilterFactory(Require.User);

        // An admin approves a code on behalf of a named user (or denies it).
        app.MapPost("/v1/admin/device/approve", async (DeviceDecisionBody body, HttpContext http, CallerResolver callers, IdentityStore identity,
            DeviceCodeStore store, CancellationToken ct) =>
        {
            var caller = await callers.ResolveAsync(http);
            string? userId = null;
            if (body.Deny != true)
            {
                if (string.IsNullOrWhiteSpace(body.Email) || await identity.FindUserByEmailAsync(body.Email, ct) is not { } user)
                {
                    return Problems.BadRequest($"Approving for a user needs the `email` of an existing user{(body.Email is null ? "" : $" (`{body.Email}` is unknown)")}; create the user first or fix the address.");
                }
                userId = user.Id;
            }
            return await DecideAsync(store, body.UserCode, userId, body.Deny != true, caller.Name, ct);
        }).AddEndpointFilterFactory(Require.Admin);

        DevicePage.Map(app);
    }

    private static async Task<IResult> DecideAsync(DeviceCodeStore store, string? userCode, string? userId, bool approve, string actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userCode))
        {
            return Problems.BadRequest("Send the `user_code` that `cdx login --device-auth` printed.");
        }
        return await store.DecideAsync(userCode, userId, approve, actor, ct) is { } problem
            ? Problems.BadRequest(problem)
            : TypedResults.NoContent();
    }

    public static string Describe(string error) => error switch
    {
        "authorization_pending" => "The code has not been approved yet; keep polling at the interval.",
        "slow_down" => "Polling faster than the interval; wait 5 seconds longer between polls.",
        "expired_token" => "The device code expired before approval; request a new one.",
        "access_denied" => "The login was denied; ask your administrator.",
        _ => "The device code is unknown or was already used; request a new one.",
    };

    private static IResult OAuthError(int status, string error, string description) =>
        TypedResults.Json(new OAuthErrorView(error, description), statusCode: status);
}

internal sealed record DeviceCodeView(string DeviceCode, string UserCode, string VerificationUri, string VerificationUriComplete, int ExpiresIn, int Interval);

internal sealed record DeviceTokenBody(string? GrantType, string? DeviceCode);

internal sealed record DeviceTokenView(string AccessToken, string TokenType, long? ExpiresAt);

internal sealed record DeviceDecisionBody(string? UserCode, string? Email, bool? Deny);

internal sealed record OAuthErrorView(string Error, string ErrorDescription);
