namespace Cdx.Governance.Compliance;

/// <summary>The outcome of <see cref="LogVerifier.Verify"/>: ok, or the first broken place.</summary>
public sealed record LogVerification
{
    /// <summary>True when every record and every file trailer checks out.</summary>
    public bool Ok => Problem is null;

    /// <summary>`file:line: record rec_... (seq N): what is wrong`, or null.</summary>
    public string? Problem { get; init; }

    /// <summary>Records checked (up to the problem).</summary>
    public long Records { get; init; }

    /// <summary>Files checked.</summary>
    public int Files { get; init; }
}
