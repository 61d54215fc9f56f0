namespace Cdx.Governance.Client.Wire;

/// <summary>The answer of `POST /v1/device/code` (RFC 8628 §3.2).</summary>
public sealed record DeviceAuthorization
{
    /// <summary>The secret the device polls with.</summary>
    public required string DeviceCode { get; init; }

    /// <summary>The short code a person enters on the verification page.</summary>
    public required string UserCode { get; init; }

    /// <summary>The page where the code is entered.</summary>
    public required string VerificationUri { get; init; }

    /// <summary>The page with the code filled in.</summary>
    public string? VerificationUriComplete { get; init; }

    /// <summary>Seconds until the codes expire.</summary>
    public int ExpiresIn { get; init; }

    /// <summary>Minimum seconds between polls.</summary>
    public int Interval { get; init; } = 5;
}
