using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Organizations;
using Relais.Supporters;

namespace Relais.Privacy;

internal sealed class SuppressedEmailConfiguration : IEntityTypeConfiguration<SuppressedEmail>
{
    public void Configure(EntityTypeBuilder<SuppressedEmail> e)
    {
        e.HasKey(s => new { s.OrganizationId, s.EmailHash });
        e.Property(s => s.EmailHash).HasMaxLength(64);
        e.Property(s => s.Reason).HasMaxLength(50);
        e.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId);
    }
}

internal sealed class SupporterTokenConfiguration : IEntityTypeConfiguration<SupporterToken>
{
    public void Configure(EntityTypeBuilder<SupporterToken> e)
    {
        e.Property(t => t.TokenHash).HasMaxLength(64);
        e.HasIndex(t => t.TokenHash).IsUnique();
        e.HasIndex(t => t.SupporterId);
        e.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(20);
        e.HasOne<Supporter>().WithMany().HasForeignKey(t => t.SupporterId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId);
    }
}
