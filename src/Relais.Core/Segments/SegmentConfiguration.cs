using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Organizations;

namespace Relais.Segments;

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> e)
    {
        e.Property(s => s.Name).HasMaxLength(Segment.NameMax);
        e.HasIndex(s => new { s.OrganizationId, s.Name }).IsUnique();
        e.Property(s => s.Definition).HasMaxLength(Segment.DefinitionMax);
        e.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId);
    }
}
