using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Giving;
using Relais.Organizations;
using Relais.Supporters;

namespace Relais.Receipts;

internal sealed class ReceiptSettingsConfiguration : IEntityTypeConfiguration<ReceiptSettings>
{
    public void Configure(EntityTypeBuilder<ReceiptSettings> e)
    {
        e.HasKey(s => s.OrganizationId);
        e.Property(s => s.LegalName).HasMaxLength(ReceiptSettings.TextMax);
        e.Property(s => s.StreetAddress).HasMaxLength(ReceiptSettings.TextMax);
        e.Property(s => s.PostalCode).HasMaxLength(20);
        e.Property(s => s.City).HasMaxLength(100);
        e.Property(s => s.Purpose).HasMaxLength(1_000);
        e.Property(s => s.StatusDetail).HasMaxLength(ReceiptSettings.TextMax);
        e.Property(s => s.SignatoryName).HasMaxLength(200);
        e.Property(s => s.SignatoryRole).HasMaxLength(200);
        e.HasOne<Organization>().WithOne().HasForeignKey<ReceiptSettings>(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReceiptCounterConfiguration : IEntityTypeConfiguration<ReceiptCounter>
{
    public void Configure(EntityTypeBuilder<ReceiptCounter> e)
    {
        e.HasKey(c => new { c.OrganizationId, c.Year, c.Kind });
        e.Property(c => c.Kind).HasMaxLength(20);
        e.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DonationReceiptConfiguration : IEntityTypeConfiguration<DonationReceipt>
{
    public void Configure(EntityTypeBuilder<DonationReceipt> e)
    {
        e.Ignore(r => r.Reference);
        e.HasIndex(r => r.DonationId).IsUnique();
        e.HasIndex(r => new { r.OrganizationId, r.Year, r.Number }).IsUnique();
        e.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId);
        e.HasOne<Donation>().WithMany().HasForeignKey(r => r.DonationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaxReceiptConfiguration : IEntityTypeConfiguration<TaxReceipt>
{
    public void Configure(EntityTypeBuilder<TaxReceipt> e)
    {
        e.Ignore(r => r.Reference);
        e.Ignore(r => r.Modes);
        e.Property(r => r.DonorName).HasMaxLength(300);
        e.Property(r => r.DonorStreetAddress).HasMaxLength(ReceiptSettings.TextMax);
        e.Property(r => r.DonorPostalCode).HasMaxLength(20);
        e.Property(r => r.DonorCity).HasMaxLength(100);
        e.Property(r => r.DonorCountry).HasMaxLength(2);
        e.Property(r => r.PaymentModes).HasMaxLength(100);
        e.HasIndex(r => new { r.OrganizationId, r.Year, r.SupporterId }).IsUnique();
        e.HasIndex(r => new { r.OrganizationId, r.Year, r.Number }).IsUnique();
        e.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId);
        e.HasOne<Supporter>().WithMany().HasForeignKey(r => r.SupporterId).OnDelete(DeleteBehavior.Cascade);
    }
}
