using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Organizations;

namespace Relais.Payments;

internal sealed class PaymentSettingsConfiguration : IEntityTypeConfiguration<PaymentSettings>
{
    public void Configure(EntityTypeBuilder<PaymentSettings> e)
    {
        e.Property(p => p.Provider).HasMaxLength(20);
        e.Property(p => p.ClientId).HasMaxLength(PaymentSettings.FieldMax);
        e.Property(p => p.AccountSlug).HasMaxLength(PaymentSettings.FieldMax);
        e.Property(p => p.WebhookId).HasMaxLength(PaymentSettings.FieldMax);
        e.Property(p => p.ProtectedSecret).HasMaxLength(PaymentSettings.SecretMax);
        e.Property(p => p.ProtectedWebhookSecret).HasMaxLength(PaymentSettings.SecretMax);
        e.Property(p => p.ProtectedUrlToken).HasMaxLength(PaymentSettings.SecretMax);
        e.HasIndex(p => new { p.OrganizationId, p.Provider }).IsUnique();
        e.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
