namespace Cdx.Testing;

/// <summary>
/// A fact that needs `../shared` (conformance suites written by others). In a clone without
/// that folder the test is reported as skipped with the reason, never as passed.
/// </summary>
public sealed class SharedSuiteFactAttribute : FactAttribute
{
    /// <summary>Marks the test skipped when the shared folder is missing.</summary>
    public SharedSuiteFactAttribute()
    {
        if (RepoPaths.SharedDir is null)
        {
            Skip = SharedSuite.MissingReason;
        }
    }
}

/// <summary>A theory that needs `../shared`; skipped with the reason when it is absent.</summary>
public sealed class SharedSuiteTheoryAttribute : TheoryAttribute
{
    /// <summary>Marks the test skipped when the shared folder is missing.</summary>
    public SharedSuiteTheoryAttribute()
    {
        if (RepoPaths.SharedDir is null)
        {
            Skip = SharedSuite.MissingReason;
        }
    }
}

/// <summary>Facts about the shared conformance folder.</summary>
public static class SharedSuite
{
    /// <summary>Why shared-suite tests are skipped in a clone without `../shared`.</summary>
    public const string MissingReason =
        "../shared (conformance suites) is not beside this checkout; set CDX_SHARED_DIR to run these tests";

    /// <summary>A path inside the shared folder; only valid when the folder exists.</summary>
    public static string PathOf(params string[] parts) =>
        Path.Combine([RepoPaths.SharedDir ?? throw new InvalidOperationException(MissingReason), .. parts]);
}
