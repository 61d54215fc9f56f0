namespace Cdx.Config.Model;

/// <summary>`sandbox_mode` values.</summary>
public enum SandboxMode
{
    /// <summary>`read-only`.</summary>
    ReadOnly,
    /// <summary>`workspace-write`.</summary>
    WorkspaceWrite,
    /// <summary>`danger-full-access`.</summary>
    DangerFullAccess,
    /// <summary>`external-sandbox` (parses in requirements; treated like full access by cdx).</summary>
    ExternalSandbox,
}

/// <summary>`approval_policy` modes.</summary>
public enum ApprovalMode
{
    /// <summary>`untrusted`: ask for everything not known safe.</summary>
    Untrusted,
    /// <summary>`on-failure` (deprecated).</summary>
    OnFailure,
    /// <summary>`on-request`.</summary>
    OnRequest,
    /// <summary>`never`.</summary>
    Never,
    /// <summary>`{ granular = {...} }`.</summary>
    Granular,
}

/// <summary>`web_search` modes.</summary>
public enum WebSearchMode
{
    /// <summary>`disabled`.</summary>
    Disabled,
    /// <summary>`cached`.</summary>
    Cached,
    /// <summary>`live`.</summary>
    Live,
}

/// <summary>`approvals_reviewer` values.</summary>
public enum ApprovalsReviewer
{
    /// <summary>`user`.</summary>
    User,
    /// <summary>`auto_review`.</summary>
    AutoReview,
}

/// <summary>`shell_environment_policy.inherit` values.</summary>
public enum EnvironmentInherit
{
    /// <summary>`all`.</summary>
    All,
    /// <summary>`core`.</summary>
    Core,
    /// <summary>`none`.</summary>
    None,
}

/// <summary>`history.persistence` values.</summary>
public enum HistoryPersistence
{
    /// <summary>`save-all`.</summary>
    SaveAll,
    /// <summary>`none`.</summary>
    None,
}
