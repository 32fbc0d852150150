using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Organizations;
using Relais.Supporters;

namespace Relais.Groups;

internal sealed class LocalGroupConfiguration : IEntityTypeConfiguration<LocalGroup>
{
    public void Configure(EntityTypeBuilder<LocalGroup> e)
    {
        e.Property(g => g.Name).HasMaxLength(LocalGroup.NameMax);
        e.HasIndex(g => new { g.OrganizationId, g.Name }).IsUnique();
        e.Property(g => g.Place).HasMaxLength(200);
        e.Property(g => g.Country).HasMaxLength(2);
        e.Property(g => g.PostalCodePrefix).HasMaxLength(10);
        e.HasOne<Organization>().WithMany().HasForeignKey(g => g.OrganizationId);
    }
}

internal sealed class GroupMembershipConfiguration : IEntityTypeConfiguration<GroupMembership>
{
    public void Configure(EntityTypeBuilder<GroupMembership> e)
    {
        e.HasKey(m => new { m.GroupId, m.SupporterId });
        e.HasIndex(m => new { m.SupporterId, m.Role });
        e.Property(m => m.Role).HasConversion<string>().HasMaxLength(10);
        e.HasOne<LocalGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Supporter>().WithMany().HasForeignKey(m => m.SupporterId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId);
    }
}
