using System.Text;
using Cdx.Config.Model;
using Cdx.Sandbox;
using SandboxMode = Cdx.Sandbox.SandboxMode;

namespace Cdx.Core.Context;

/// <summary>The developer-message text telling the model its sandbox, network, approval policy and writable roots.</summary>
public static class PermissionsInstructions
{
    /// <summary>Renders the `&lt;permissions instructions&gt;` block.</summary>
    public static string Render(SandboxPolicy sandbox, ApprovalPolicy approval, IReadOnlyList<string> writableRoots)
    {
        var sb = new StringBuilder("<permissions instructions>\n");
        sb.Append("`sandbox_mode` is `").Append(sandbox.Mode.ToName()).Append("`: ");
        sb.Append(sandbox.Mode switch
        {
            SandboxMode.ReadOnly => "commands may read any file but cannot write anywhere.",
            SandboxMode.WorkspaceWrite => "commands may read any file and write only inside the writable roots listed below; `.git`, `.codex` and `.agents` inside them stay read-only.",
            _ => "commands run without a sandbox and may read and write anywhere.",
        });
        sb.Append(sandbox.HasNetwork ? " Network access is enabled.\n" : " Network access is restricted.\n");
        sb.Append(ApprovalText(approval)).Append('\n');
        if (sandbox.Mode == SandboxMode.WorkspaceWrite && writableRoots.Count > 0)
        {
            sb.Append("The writable roots are ").Append(string.Join(", ", writableRoots.Select(r => $"`{r}`"))).Append(".\n");
        }
        return sb.Append("</permissions instructions>").ToString();
    }

    private static string ApprovalText(ApprovalPolicy approval) => approval.Mode switch
    {
        ApprovalMode.Never =>
            "Approval policy is currently never: nobody can approve anything. Do not set `sandbox_permissions` to request escalation; such commands are rejected. Work within the sandbox, and if something truly needs more access, say so in your answer.",
        ApprovalMode.OnFailure =>
            "Approval policy is currently on-failure: commands run in the sandbox, and when one fails because of the sandbox the user is asked whether to rerun it without the sandbox.",
        ApprovalMode.Untrusted =>
            "Approval policy is currently untrusted: only known read-only commands (and commands allowed by rules) run without asking; anything else waits for the user's approval.",
        _ =>
            "Approval policy is currently on-request: commands run in the sandbox without asking. When a command needs to write outside the writable roots, reach the network, or failed because of the sandbox, rerun it with `sandbox_permissions: \"require_escalated\"` and a short `justification` question for the user. Commands matching `prompt` rules also ask first.",
    };
}
