using Cdx.Governance.Data;
using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Auth;

/// <summary>Effective permissions = the most permissive union of the default role and every role of every group the user is in.</summary>
internal sealed class PermissionService(GovernanceDb db)
{
    public async Task<Permission> EffectiveAsync(string userId, CancellationToken ct)
    {
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(ct);
        var roleIds = await (from m in db.GroupMembers
                             join gr in db.GroupRoles on m.GroupId equals gr.GroupId
                             where m.UserId == userId
                             select gr.RoleId).ToListAsync(ct);
        if (workspace.DefaultRoleId is { } def)
        {
            roleIds.Add(def);
        }
        var flags = await db.Roles.AsNoTracking().Where(r => roleIds.Contains(r.Id)).Select(r => r.Permissions).ToListAsync(ct);
        return flags.Aggregate(Permission.None, (acc, f) => acc | (Permission)f);
    }
}
