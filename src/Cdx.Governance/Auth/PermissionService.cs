using Cdx.Governance.Data;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Auth;

/// <summary>Effective permissions = the most permissive union of the default role and every role of every group the user is in.</summary>
internal sealed class PermissionService(GovernanceDb db)
{
    public async Task<Permission> EffectiveAsync(string userId, CancellationToken ct)
    {
        // One round trip: every request with a user token runs this, so it is on the hot path.
        var defaultRole = db.Workspaces.Select(w => w.DefaultRoleId);
        var viaGroups = from m in db.GroupMembers
                        join gr in db.GroupRoles on m.GroupId equals gr.GroupId
                        where m.UserId == userId
                        select gr.RoleId;
        var flags = await db.Roles.AsNoTracking()
            .Where(r => defaultRole.Contains(r.Id) || viaGroups.Contains(r.Id))
            .Select(r => r.Permissions).ToListAsync(ct);
        return flags.Aggregate(Permission.None, (acc, f) => acc | (Permission)f);
    }
}
