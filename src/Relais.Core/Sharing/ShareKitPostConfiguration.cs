using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Campaigns;
using Relais.Organizations;

namespace Relais.Sharing;

internal sealed class ShareKitPostConfiguration : IEntityTypeConfiguration<ShareKitPost>
{
    public void Configure(EntityTypeBuilder<ShareKitPost> e)
    {
        e.Property(p => p.Network).HasMaxLength(20);
        e.Property(p => p.Language).HasMaxLength(8);
        e.Property(p => p.Text).HasMaxLength(ShareText.StoredMax);
        // The thank-you page reads one action's kit in one language, in order.
        e.HasIndex(p => new { p.ActionId, p.Language, p.Network, p.Position });
        e.HasIndex(p => new { p.OrganizationId, p.CampaignId });
        e.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId);
    }
}
