using Cdx.Governance.Client.Wire;
using Cdx.Governance.Data;
using Cdx.Governance.Hosting;
using Cdx.Governance.Policies;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Signing;

/// <summary>Builds the signed, identity-bound requirements document for one user.</summary>
internal sealed class RequirementsIssuer(GovernanceDb db, AssignmentStore assignments, SigningKeyStore keys, TimeProvider time, GovernanceServerOptions options)
{
    public async Task<SignedRequirements> IssueAsync(string userId, WorkspaceRow workspace, CancellationToken ct)
    {
        var resolution = await assignments.ResolveForUserAsync(userId, workspace.DefaultPolicyId, ct);
        var policy = resolution.PolicyId is null ? null : await db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == resolution.PolicyId, ct);
        var key = await keys.ActiveAsync(ct);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var unsigned = new SignedRequirements
        {
            Contents = policy?.Contents,
            PolicyId = policy?.Id,
            PolicyVersion = policy?.Version,
            IssuedAt = now,
            ExpiresAt = now + (long)options.RequirementsTtl.TotalSeconds,
            Subject = userId,
            WorkspaceId = workspace.Id,
            KeyId = key.KeyId,
            Signature = "",
        };
        return unsigned with { Signature = SigningKeyStore.Sign(key, CanonicalForm.Requirements(unsigned)) };
    }
}
