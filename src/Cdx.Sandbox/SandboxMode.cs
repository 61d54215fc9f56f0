namespace Cdx.Sandbox;

/// <summary>The three sandbox modes of `sandbox_mode` / `-s`.</summary>
public enum SandboxMode
{
    /// <summary>`read-only`: read everything, write nothing, no network.</summary>
    ReadOnly,

    /// <summary>`workspace-write`: write only the writable roots minus protected subpaths.</summary>
    WorkspaceWrite,

    /// <summary>`danger-full-access`: no sandbox at all.</summary>
    DangerFullAccess,
}
