using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Campaigns;
using Relais.Organizations;
using Relais.Supporters;

namespace Relais.Giving;

internal sealed class FundraiserConfiguration : IEntityTypeConfiguration<Fundraiser>
{
    public void Configure(EntityTypeBuilder<Fundraiser> e)
    {
        e.Property(f => f.Currency).HasMaxLength(3);
        e.Property(f => f.SuggestedAmounts).HasMaxLength(200);
        e.HasIndex(f => f.CampaignId).IsUnique();
        e.HasIndex(f => f.OrganizationId);
        e.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId);
        e.HasOne(f => f.Campaign).WithMany().HasForeignKey(f => f.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DonationConfiguration : IEntityTypeConfiguration<Donation>
{
    public void Configure(EntityTypeBuilder<Donation> e)
    {
        e.Property(d => d.Currency).HasMaxLength(3);
        e.Property(d => d.Provider).HasMaxLength(20);
        e.Property(d => d.OfflineMethod).HasMaxLength(20);
        e.Property(d => d.ProviderReference).HasMaxLength(200);
        e.Property(d => d.IdempotencyKey).HasMaxLength(64);
        e.Property(d => d.DonorMessage).HasMaxLength(500);
        e.Property(d => d.DisplayName).HasMaxLength(100);
        e.Property(d => d.Language).HasMaxLength(10);
        e.Property(d => d.Source).HasMaxLength(300);
        e.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(d => new { d.FundraiserId, d.IdempotencyKey }).IsUnique();
        e.HasIndex(d => new { d.Provider, d.ProviderReference }).IsUnique();
        // The donor wall and the organizer's list read a fundraiser's donations newest first.
        e.HasIndex(d => new { d.FundraiserId, d.Status, d.CreatedAt });
        e.HasIndex(d => new { d.SupporterId, d.Status });
        e.HasIndex(d => d.FundraisingPageId);
        e.HasIndex(d => d.FundraisingTeamId);
        e.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId);
        e.HasOne<Fundraiser>().WithMany().HasForeignKey(d => d.FundraiserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Supporter>().WithMany().HasForeignKey(d => d.SupporterId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<FundraisingPage>().WithMany().HasForeignKey(d => d.FundraisingPageId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<FundraisingTeam>().WithMany().HasForeignKey(d => d.FundraisingTeamId).OnDelete(DeleteBehavior.SetNull);
        e.Ignore(d => d.Amount);
    }
}

internal sealed class PaymentEventConfiguration : IEntityTypeConfiguration<PaymentEvent>
{
    public void Configure(EntityTypeBuilder<PaymentEvent> e)
    {
        e.Property(p => p.Provider).HasMaxLength(20);
        e.Property(p => p.EventId).HasMaxLength(200);
        e.Property(p => p.Type).HasMaxLength(100);
        e.HasIndex(p => new { p.Provider, p.EventId }).IsUnique();
        e.HasIndex(p => p.DonationId);
    }
}

internal sealed class FundraisingPageConfiguration : IEntityTypeConfiguration<FundraisingPage>
{
    public void Configure(EntityTypeBuilder<FundraisingPage> e)
    {
        e.Property(p => p.Slug).HasMaxLength(80);
        e.Property(p => p.Title).HasMaxLength(200);
        e.Property(p => p.Story).HasMaxLength(20_000);
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(p => p.Slug).IsUnique();
        // One personal page per supporter and fundraiser.
        e.HasIndex(p => new { p.FundraiserId, p.SupporterId }).IsUnique();
        e.HasIndex(p => p.TeamId);
        e.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId);
        e.HasOne<Fundraiser>().WithMany().HasForeignKey(p => p.FundraiserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Supporter>().WithMany().HasForeignKey(p => p.SupporterId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<FundraisingTeam>().WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class FundraisingTeamConfiguration : IEntityTypeConfiguration<FundraisingTeam>
{
    public void Configure(EntityTypeBuilder<FundraisingTeam> e)
    {
        e.Property(t => t.Slug).HasMaxLength(80);
        e.Property(t => t.Name).HasMaxLength(200);
        e.HasIndex(t => t.Slug).IsUnique();
        e.HasIndex(t => new { t.FundraiserId, t.Name }).IsUnique();
        e.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId);
        e.HasOne<Fundraiser>().WithMany().HasForeignKey(t => t.FundraiserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Supporter>().WithMany().HasForeignKey(t => t.CaptainSupporterId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OfflinePaymentSettingsConfiguration : IEntityTypeConfiguration<OfflinePaymentSettings>
{
    public void Configure(EntityTypeBuilder<OfflinePaymentSettings> e)
    {
        e.HasKey(s => s.OrganizationId);
        e.Property(s => s.Iban).HasMaxLength(50);
        e.Property(s => s.Bic).HasMaxLength(20);
        e.Property(s => s.AccountHolder).HasMaxLength(OfflinePaymentSettings.FieldMax);
        e.Property(s => s.ChequePayableTo).HasMaxLength(OfflinePaymentSettings.FieldMax);
        e.Property(s => s.ChequeAddress).HasMaxLength(OfflinePaymentSettings.TextMax);
        e.Property(s => s.Instructions).HasMaxLength(OfflinePaymentSettings.TextMax);
        e.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
