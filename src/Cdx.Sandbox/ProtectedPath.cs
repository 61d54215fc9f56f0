namespace Cdx.Sandbox;

/// <summary>How a protected subpath is kept read-only.</summary>
public enum ProtectionKind
{
    /// <summary>The path exists: it is re-bound read-only over itself.</summary>
    ReadOnlyBind,

    /// <summary>The path does not exist yet: an empty read-only directory is mounted on its first missing component.</summary>
    BlockCreation,
}

/// <summary>One protected location inside the writable roots.</summary>
/// <param name="Path">Resolved path to re-bind, or the first missing component to block.</param>
/// <param name="Kind">How it is protected.</param>
/// <param name="Origin">The unresolved path it was derived from (for messages and tests).</param>
public sealed record ProtectedPath(string Path, ProtectionKind Kind, string Origin);
