using Cdx.Governance.Data;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Policies;

/// <summary>Reads assignments and a user's groups from storage and resolves the policy that applies.</summary>
internal sealed class AssignmentStore(GovernanceDb db)
{
    public async Task<IReadOnlyList<AssignmentRule>> RulesAsync(CancellationToken ct) =>
        (await db.PolicyRules.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct))
            .Select(r => new AssignmentRule(r.Position, r.GroupId, r.PolicyId)).ToArray();

    public async Task<PolicyResolution> ResolveForUserAsync(string userId, CancellationToken ct) =>
        await ResolveForUserAsync(userId, (await db.Workspaces.AsNoTracking().SingleAsync(ct)).DefaultPolicyId, ct);

    /// <summary>As above with the workspace's default policy already read (saves a query on the requirements path).</summary>
    public async Task<PolicyResolution> ResolveForUserAsync(string userId, string? defaultPolicyId, CancellationToken ct)
    {
        var groups = await db.GroupMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.GroupId).ToListAsync(ct);
        return PolicyResolver.Resolve(await RulesAsync(ct), defaultPolicyId, groups.ToHashSet(StringComparer.Ordinal));
    }

    public async Task<PolicyResolution> ResolveForGroupsAsync(IReadOnlySet<string> groupIds, CancellationToken ct)
    {
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(ct);
        return PolicyResolver.Resolve(await RulesAsync(ct), workspace.DefaultPolicyId, groupIds);
    }
}
