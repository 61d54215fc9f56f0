using System.Diagnostics;
using Cdx.ApplyPatch.Applying;
using Cdx.Config.Model;
using Cdx.Core.Approvals;

namespace Cdx.Core.Tools;

public sealed partial class ToolRuntime
{
    /// <summary>apply_patch as a JSON function: `{"input": patch}`.</summary>
    private async Task<ToolOutput> ApplyPatchFunctionAsync(ToolCall call, IToolEvents events, CancellationToken ct)
    {
        var args = ToolArguments.Parse(call.Payload);
        return await ApplyPatchAsync(call.CallId, args.RequiredString("input"), _o.Cwd, events, ct).ConfigureAwait(false);
    }

    /// <summary>Verify the whole patch, check it may be written, then apply (spec tools.md §5.3).</summary>
    private async Task<ToolOutput> ApplyPatchAsync(string callId, string patchText, string cwd, IToolEvents events, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var verification = PatchVerifier.Verify(patchText, cwd);
        if (verification.Patch is not { } verified)
        {
            var error = verification.Error ?? "invalid patch";
            return error.StartsWith("patch rejected:", StringComparison.Ordinal) ? error : $"apply_patch verification failed: {error}";
        }
        var summaries = Summaries(verified);
        var written = verified.Changes.SelectMany(c => c.MovePath is { } m ? new[] { c.Path, m } : [c.Path]);
        var allowed = _o.Approval.Mode == ApprovalMode.OnFailure
            || (_o.Approval.Mode != ApprovalMode.Untrusted && PatchSafety.IsWritable(_o.Sandbox, _o.Cwd, written));
        if (!allowed)
        {
            var paths = string.Join("\n", summaries.Select(s => s.AbsolutePath));
            if (_o.Approval.Mode == ApprovalMode.Never)
            {
                events.SecurityDecision(new ToolSecurityFact(ToolSecurityKind.Rejection, callId, paths, ApprovalTexts.PatchOutsideProjectUnderNever) { Source = "patch" });
                return ApprovalTexts.PatchOutsideProjectUnderNever;
            }
            var decision = await _o.ApprovalHandler.RequestApprovalAsync(new ApprovalRequest
            {
                Kind = ApprovalKind.Patch,
                CallId = callId,
                Cwd = cwd,
                Paths = summaries.Select(s => s.AbsolutePath).ToList(),
            }, ct).ConfigureAwait(false);
            var granted = decision is ApprovalDecision.Approved or ApprovalDecision.ApprovedForSession or ApprovalDecision.ApprovedWithAmendment;
            events.SecurityDecision(new ToolSecurityFact(granted ? ToolSecurityKind.Approval : ToolSecurityKind.Rejection, callId, paths,
                $"patch writes outside the writable roots; decision: {decision}") { Source = "patch" });
            switch (decision)
            {
                case ApprovalDecision.Abort:
                    throw new TurnAbortedException(callId);
                case ApprovalDecision.Unavailable:
                    events.PatchStarted(callId, summaries);
                    events.PatchFinished(callId, summaries, PatchStatus.Failed);
                    return ApprovalTexts.ApprovalRequestFailed;
                case ApprovalDecision.Denied:
                    return ApprovalTexts.PatchRejectedByUser;
            }
        }
        events.PatchStarted(callId, summaries);
        try
        {
            var result = PatchApplier.Apply(verified, allowOutsideWorkspace: true);
            events.PatchFinished(callId, summaries, PatchStatus.Completed);
            return $"Exit code: 0\nWall time: {ExecOutputFormat.Seconds(started.Elapsed)} seconds\nOutput:\n{result.Summary}";
        }
        catch (Exception e) when (e is PatchApplyException or IOException or UnauthorizedAccessException)
        {
            events.PatchFinished(callId, summaries, PatchStatus.Failed);
            return $"Exit code: 1\nWall time: {ExecOutputFormat.Seconds(started.Elapsed)} seconds\nOutput:\n{e.Message}\n";
        }
    }

    /// <summary>One entry per file, absolute paths, a move reported at its source as an update, sorted by path.</summary>
    private static IReadOnlyList<FileChangeSummary> Summaries(VerifiedPatch verified) => verified.Changes
        .Select(c => new FileChangeSummary(c.Path, c.Kind switch
        {
            FileChangeKind.Add => FileChangeKindWire.Add,
            FileChangeKind.Delete => FileChangeKindWire.Delete,
            _ => FileChangeKindWire.Update,
        }, c.UnifiedDiff))
        .OrderBy(s => s.AbsolutePath, StringComparer.Ordinal)
        .ToList();
}
