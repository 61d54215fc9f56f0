using Microsoft.EntityFrameworkCore;

namespace Cdx.Governance.Data;

/// <summary>EF Core context for the governance store; the provider (SQLite or PostgreSQL) is chosen at registration.</summary>
internal sealed class GovernanceDb(DbContextOptions<GovernanceDb> options) : DbContext(options)
{
    /// <summary>Bump when the model changes; a database with a newer version is refused at start.</summary>
    public const int SchemaVersion = 3;

    public DbSet<WorkspaceRow> Workspaces => Set<WorkspaceRow>();
    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();
    public DbSet<UserRow> Users => Set<UserRow>();
    public DbSet<GroupRow> Groups => Set<GroupRow>();
    public DbSet<GroupMemberRow> GroupMembers => Set<GroupMemberRow>();
    public DbSet<RoleRow> Roles => Set<RoleRow>();
    public DbSet<GroupRoleRow> GroupRoles => Set<GroupRoleRow>();
    public DbSet<PolicyRow> Policies => Set<PolicyRow>();
    public DbSet<PolicyVersionRow> PolicyVersions => Set<PolicyVersionRow>();
    public DbSet<PolicyRuleRow> PolicyRules => Set<PolicyRuleRow>();
    public DbSet<AccessTokenRow> AccessTokens => Set<AccessTokenRow>();
    public DbSet<SigningKeyRow> SigningKeys => Set<SigningKeyRow>();
    public DbSet<SchemaInfoRow> SchemaInfo => Set<SchemaInfoRow>();
    public DbSet<DeviceCodeRow> DeviceCodes => Set<DeviceCodeRow>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<WorkspaceRow>(e => { e.ToTable("workspaces"); e.HasKey(x => x.Id); });
        b.Entity<ApiKeyRow>(e => { e.ToTable("api_keys"); e.HasKey(x => x.Id); e.HasIndex(x => x.Hash).IsUnique(); });
        b.Entity<UserRow>(e => { e.ToTable("users"); e.HasKey(x => x.Id); e.HasIndex(x => x.Email).IsUnique(); });
        b.Entity<GroupRow>(e => { e.ToTable("groups"); e.HasKey(x => x.Id); e.HasIndex(x => x.DisplayName).IsUnique(); });
        b.Entity<GroupMemberRow>(e =>
        {
            e.ToTable("group_members");
            e.HasKey(x => new { x.GroupId, x.UserId });
            e.HasIndex(x => x.UserId);
        });
        b.Entity<RoleRow>(e => { e.ToTable("roles"); e.HasKey(x => x.Id); e.HasIndex(x => x.Name).IsUnique(); });
        b.Entity<GroupRoleRow>(e => { e.ToTable("group_roles"); e.HasKey(x => new { x.GroupId, x.RoleId }); });
        b.Entity<PolicyRow>(e => { e.ToTable("policies"); e.HasKey(x => x.Id); e.HasIndex(x => x.Name).IsUnique(); });
        b.Entity<PolicyVersionRow>(e => { e.ToTable("policy_versions"); e.HasKey(x => new { x.PolicyId, x.Version }); });
        b.Entity<PolicyRuleRow>(e => { e.ToTable("policy_rules"); e.HasKey(x => x.Position); e.Property(x => x.Position).ValueGeneratedNever(); });
        b.Entity<AccessTokenRow>(e =>
        {
            e.ToTable("access_tokens");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Hash).IsUnique();
            e.HasIndex(x => x.UserId);
        });
        b.Entity<SigningKeyRow>(e => { e.ToTable("signing_keys"); e.HasKey(x => x.KeyId); });
        b.Entity<DeviceCodeRow>(e => { e.ToTable("device_codes"); e.HasKey(x => x.Hash); e.HasIndex(x => x.UserCode).IsUnique(); });
        b.Entity<SchemaInfoRow>(e => { e.ToTable("schema_info"); e.HasKey(x => x.Id); e.Property(x => x.Id).ValueGeneratedNever(); });
        Ingestion.AnalyticsModel.Configure(b);
    }
}
