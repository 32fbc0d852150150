using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Organizations;
using Relais.Supporters;

namespace Relais.Ladder;

internal sealed class LadderLevelConfiguration : IEntityTypeConfiguration<LadderLevel>
{
    public void Configure(EntityTypeBuilder<LadderLevel> e)
    {
        e.HasIndex(l => new { l.OrganizationId, l.Rank }).IsUnique();
        e.Property(l => l.NameFr).HasMaxLength(LadderLevel.NameMax);
        e.Property(l => l.NameEn).HasMaxLength(LadderLevel.NameMax);
        e.Property(l => l.DescriptionFr).HasMaxLength(LadderLevel.DescriptionMax);
        e.Property(l => l.DescriptionEn).HasMaxLength(LadderLevel.DescriptionMax);
        e.Property(l => l.Rules).HasMaxLength(LadderLevel.RulesMax);
        e.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId);
    }
}

internal sealed class LadderMoveConfiguration : IEntityTypeConfiguration<LadderMove>
{
    public void Configure(EntityTypeBuilder<LadderMove> e)
    {
        e.HasIndex(m => new { m.OrganizationId, m.MovedAt });
        e.HasIndex(m => new { m.SupporterId, m.MovedAt });
        e.Property(m => m.Reason).HasMaxLength(200);
        e.HasOne<Supporter>().WithMany().HasForeignKey(m => m.SupporterId);
        e.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId);
    }
}
