using Cdx.Config.Model;
using Cdx.ExecPolicy;

namespace Cdx.Core.Approvals;

/// <summary>The model-facing rejection texts, byte-for-byte as Codex 0.169 sends them (spec rules.md §11, tools.md §12).</summary>
public static class ApprovalTexts
{
    /// <summary>A prompt that cannot be surfaced because the policy is never.</summary>
    public const string PromptUnderNever = "approval required by policy, but AskForApproval is set to Never";

    /// <summary>The user said no to a command.</summary>
    public const string CommandRejectedByUser = "exec command rejected by user";

    /// <summary>The user said no to a patch.</summary>
    public const string PatchRejectedByUser = "patch rejected by user";

    /// <summary>Exec mode could not ask anyone.</summary>
    public const string ApprovalRequestFailed = "approval request failed";

    /// <summary>A patch outside the writable roots under approval `never`.</summary>
    public const string PatchOutsideProjectUnderNever = "patch rejected: writing outside of the project; rejected by user approval settings";

    /// <summary>A prompt that cannot be surfaced because a granular category is off.</summary>
    public static string PromptUnderGranular(bool fromRule) =>
        $"approval required by policy, but Granular.{(fromRule ? "rules" : "sandbox_approval")} is false";

    /// <summary>`sandbox_permissions: "require_escalated"` when the policy cannot ask.</summary>
    public static string EscalationRefused(ApprovalMode mode)
    {
        var name = DebugName(mode);
        return $"approval policy is {name}; reject command — you cannot ask for escalated permissions if the approval policy is {name}";
    }

    /// <summary>How unified exec wraps a rejection: `exec_command failed: CreateProcess { message: "Rejected(\"…\")" }`.</summary>
    public static string ExecCommandRejected(string reason) =>
        $"exec_command failed: CreateProcess {{ message: {RustDebug($"Rejected({RustDebug(reason)})")} }}";

    /// <summary>Rust's `{:?}` of a string (see <see cref="RustText.Debug"/>).</summary>
    public static string RustDebug(string s) => RustText.Debug(s);

    /// <summary>Codex's Rust enum name of an approval policy, as it appears in messages.</summary>
    public static string DebugName(ApprovalMode mode) => mode switch
    {
        ApprovalMode.Untrusted => "UnlessTrusted",
        ApprovalMode.OnFailure => "OnFailure",
        ApprovalMode.OnRequest => "OnRequest",
        ApprovalMode.Granular => "Granular",
        _ => "Never",
    };
}
