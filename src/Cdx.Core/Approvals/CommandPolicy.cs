using Cdx.Config.Model;
using Cdx.ExecPolicy;
using Cdx.ExecPolicy.Rules;
using ConfigSandboxMode = Cdx.Config.Model.SandboxMode;
using SandboxMode = Cdx.Sandbox.SandboxMode;

namespace Cdx.Core.Approvals;

/// <summary>
/// The one adapter between the agent's tools and Cdx.ExecPolicy: it hands every command to
/// <see cref="ExecPolicyEngine"/> (splitting, `.rules` + requirements `[rules]`, heuristics and the
/// approval-policy table of spec rules.md §6 and §9) and maps the verdict to run / ask / reject.
/// </summary>
public sealed class CommandPolicy
{
    private readonly ExecPolicyEngine _engine;
    private readonly ApprovalPolicy _approval;
    private readonly ConfigSandboxMode _sandbox;

    /// <summary>Creates the adapter for one thread's rules, approval policy and sandbox mode.</summary>
    public CommandPolicy(Policy rules, ApprovalPolicy approval, SandboxMode sandbox)
    {
        _engine = new ExecPolicyEngine(rules);
        _approval = approval;
        _sandbox = sandbox switch
        {
            SandboxMode.ReadOnly => ConfigSandboxMode.ReadOnly,
            SandboxMode.WorkspaceWrite => ConfigSandboxMode.WorkspaceWrite,
            _ => ConfigSandboxMode.DangerFullAccess,
        };
    }

    /// <summary>Judges <paramref name="argv"/> (as it would be exec'd, wrapper included).</summary>
    public CommandAssessment Assess(IReadOnlyList<string> argv, bool escalationRequested)
    {
        var verdict = _engine.Evaluate(new ExecRequest(argv, _approval, _sandbox,
            escalationRequested ? SandboxPermissions.RequireEscalated : SandboxPermissions.UseDefault));
        return verdict.Kind switch
        {
            ExecVerdictKind.Forbid => new CommandAssessment(CommandVerdict.Reject, verdict.Reason, false, verdict.MatchedRules.Any()),
            ExecVerdictKind.Ask => new CommandAssessment(CommandVerdict.Ask, verdict.Reason, false, verdict.PromptFromRule),
            ExecVerdictKind.RunOutsideSandbox => new CommandAssessment(CommandVerdict.Run, null, true, true),
            _ => CommandAssessment.RunSandboxed,
        };
    }
}
