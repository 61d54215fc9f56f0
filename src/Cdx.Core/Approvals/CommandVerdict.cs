namespace Cdx.Core.Approvals;

/// <summary>What the rules and heuristics say about a command before it runs.</summary>
public enum CommandVerdict
{
    /// <summary>Run it (see <see cref="CommandAssessment.BypassSandbox"/>).</summary>
    Run,

    /// <summary>Ask the approval handler first.</summary>
    Ask,

    /// <summary>Never run it; <see cref="CommandAssessment.Reason"/> goes to the model.</summary>
    Reject,
}
