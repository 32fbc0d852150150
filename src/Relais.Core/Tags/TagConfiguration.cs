using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Organizations;
using Relais.Supporters;

namespace Relais.Tags;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> e)
    {
        e.Property(t => t.Name).HasMaxLength(Tag.NameMax);
        e.Property(t => t.NormalizedName).HasMaxLength(Tag.NameMax);
        e.HasIndex(t => new { t.OrganizationId, t.NormalizedName }).IsUnique();
        e.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId);
    }
}

internal sealed class SupporterTagConfiguration : IEntityTypeConfiguration<SupporterTag>
{
    public void Configure(EntityTypeBuilder<SupporterTag> e)
    {
        e.HasKey(t => new { t.SupporterId, t.TagId });
        e.HasIndex(t => new { t.TagId, t.SupporterId });
        e.Property(t => t.Source).HasMaxLength(200);
        e.HasOne<Supporter>().WithMany().HasForeignKey(t => t.SupporterId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Tag>().WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId);
    }
}
