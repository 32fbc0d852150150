using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Organizations;
using Relais.Supporters;

namespace Relais.Channels;

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> e)
    {
        e.Property(c => c.Name).HasMaxLength(Channel.NameMax);
        e.Property(c => c.Slug).HasMaxLength(Channel.SlugMax);
        e.HasIndex(c => new { c.OrganizationId, c.Slug }).IsUnique();
        e.Property(c => c.Country).HasMaxLength(2);
        e.Property(c => c.Topic).HasMaxLength(100);
        e.Property(c => c.Description).HasMaxLength(1_000);
        e.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
    }
}

internal sealed class ChannelMembershipConfiguration : IEntityTypeConfiguration<ChannelMembership>
{
    public void Configure(EntityTypeBuilder<ChannelMembership> e)
    {
        e.HasKey(m => new { m.ChannelId, m.SupporterId });
        e.HasIndex(m => m.SupporterId);
        e.Property(m => m.Source).HasMaxLength(200);
        e.HasOne<Channel>().WithMany().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Supporter>().WithMany().HasForeignKey(m => m.SupporterId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId);
    }
}
