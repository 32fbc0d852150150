using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Campaigns;
using Relais.Organizations;
using Relais.Supporters;

namespace Relais.Relays;

internal sealed class RelayClickConfiguration : IEntityTypeConfiguration<RelayClick>
{
    public void Configure(EntityTypeBuilder<RelayClick> e)
    {
        e.Property(c => c.Network).HasMaxLength(20);
        // Reports read clicks per campaign, then per network or relay.
        e.HasIndex(c => new { c.OrganizationId, c.CampaignId, c.ClickedAt });
        e.HasIndex(c => c.RelayId);
        e.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        e.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Supporter>().WithMany().HasForeignKey(c => c.RelayId).OnDelete(DeleteBehavior.Cascade);
    }
}
