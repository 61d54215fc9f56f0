using Cdx.Governance.Auth;
using Cdx.Governance.Data;
using Cdx.Governance.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cdx.Governance.Identity;

/// <summary>User and group changes shared by the admin REST API and SCIM, so both keep the same invariants.</summary>
internal sealed class IdentityStore(GovernanceDb db, TimeProvider time, ILogger<IdentityStore> logger)
{
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public Task<UserRow?> FindUserByEmailAsync(string email, CancellationToken ct)
    {
        var normalized = NormalizeEmail(email);
        return db.Users.FirstOrDefaultAsync(u => u.Email == normalized, ct);
    }

    public async Task<UserRow> CreateUserAsync(string email, string? displayName, string? externalId, bool active, CancellationToken ct)
    {
        var user = new UserRow
        {
            Id = Secrets.NewId("user_"),
            Email = NormalizeEmail(email),
            DisplayName = displayName,
            ExternalId = externalId,
            Active = active,
            CreatedAt = time.GetUtcNow().ToUnixTimeSeconds(),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>Deletes a user with their memberships; their access tokens are revoked with them.</summary>
    public async Task DeleteUserAsync(UserRow user, CancellationToken ct)
    {
        db.GroupMembers.RemoveRange(db.GroupMembers.Where(m => m.UserId == user.Id));
        db.AccessTokens.RemoveRange(db.AccessTokens.Where(t => t.UserId == user.Id));
        db.Users.Remove(user);
        await db.SaveChangesAsync(ct);
    }

    public async Task<GroupRow> CreateGroupAsync(string displayName, string? externalId, CancellationToken ct)
    {
        var group = new GroupRow
        {
            Id = Secrets.NewId("group_"),
            DisplayName = displayName.Trim(),
            ExternalId = externalId,
            CreatedAt = time.GetUtcNow().ToUnixTimeSeconds(),
        };
        db.Groups.Add(group);
        await db.SaveChangesAsync(ct);
        return group;
    }

    /// <summary>
    /// Deletes a group, its memberships, role grants and the assignment rules that name it: an IdP
    /// deleting a group over SCIM must not be refused, and a rule for a vanished group matches nobody.
    /// </summary>
    public async Task DeleteGroupAsync(GroupRow group, CancellationToken ct)
    {
        db.GroupMembers.RemoveRange(db.GroupMembers.Where(m => m.GroupId == group.Id));
        db.GroupRoles.RemoveRange(db.GroupRoles.Where(r => r.GroupId == group.Id));
        var rules = await db.PolicyRules.OrderBy(r => r.Position).ToListAsync(ct);
        var kept = rules.Where(r => r.GroupId != group.Id).Select((r, i) => new PolicyRuleRow { Position = i, GroupId = r.GroupId, PolicyId = r.PolicyId }).ToList();
        db.PolicyRules.RemoveRange(rules);
        db.Groups.Remove(group);
        await db.SaveChangesAsync(ct);
        db.PolicyRules.AddRange(kept);
        await db.SaveChangesAsync(ct);
        Log.GroupDeleted(logger, group.Id, rules.Count - kept.Count);
    }

    public async Task AddMemberAsync(string groupId, string userId, CancellationToken ct)
    {
        if (!await db.GroupMembers.AnyAsync(m => m.GroupId == groupId && m.UserId == userId, ct))
        {
            db.GroupMembers.Add(new GroupMemberRow { GroupId = groupId, UserId = userId });
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task RemoveMemberAsync(string groupId, string userId, CancellationToken ct)
    {
        await db.GroupMembers.Where(m => m.GroupId == groupId && m.UserId == userId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Makes the group's members exactly <paramref name="userIds"/> (SCIM replace semantics), in one transaction.</summary>
    public async Task SetMembersAsync(string groupId, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var current = await db.GroupMembers.Where(m => m.GroupId == groupId).ToListAsync(ct);
        db.GroupMembers.RemoveRange(current.Where(m => !userIds.Contains(m.UserId)));
        var have = current.Select(m => m.UserId).ToHashSet(StringComparer.Ordinal);
        db.GroupMembers.AddRange(userIds.Where(u => !have.Contains(u)).Select(u => new GroupMemberRow { GroupId = groupId, UserId = u }));
        await db.SaveChangesAsync(ct); // one SaveChanges = one transaction on both providers
    }

    public async Task<IReadOnlyList<string>> MembersAsync(string groupId, CancellationToken ct) =>
        await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == groupId).Select(m => m.UserId).OrderBy(x => x).ToListAsync(ct);
}
