namespace Cdx.Governance.Client.Wire;

/// <summary>The answer of `POST /v1/device/token`: a token, or an RFC 8628 §3.5 error code.</summary>
public sealed record DeviceTokenAnswer
{
    /// <summary>The user's new access token once the code was approved.</summary>
    public string? AccessToken { get; init; }

    /// <summary>`authorization_pending`, `slow_down`, `expired_token`, `access_denied`, `invalid_grant`.</summary>
    public string? Error { get; init; }

    /// <summary>The server's explanation of <see cref="Error"/>.</summary>
    public string? ErrorDescription { get; init; }
}
